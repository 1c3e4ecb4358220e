using System.Globalization;
using System.Text;

namespace Kizuki.Demo;

/// <summary>The tone of a ticket to write.</summary>
/// <param name="Negative">Carries a complaint.</param>
/// <param name="Intent">States an intent to cancel (「解約を検討しています」, "we are considering cancelling").</param>
/// <param name="PriceFocus">Complains about the price.</param>
/// <param name="Competitor">Names this competitor, if not null.</param>
internal readonly record struct TicketTone(bool Negative, bool Intent, bool PriceFocus, string? Competitor);

/// <summary>Composes varied ticket texts, survey comments and cancellation reasons in Japanese and English.</summary>
/// <remarks>
/// Texts are assembled from an opening, a topic, complaints, intents, competitor mentions and a closing, with small
/// numbers filled in, so no single template dominates and text models have something real to learn from.
/// </remarks>
internal static partial class DemoTexts
{
    private static readonly string[] OpeningsJa =
        ["いつもお世話になっております。", "お世話になっております。", "お疲れ様です。", "突然のご連絡失礼いたします。", "こんにちは。", "度々失礼いたします。", ""];

    private static readonly string[] OpeningsEn = ["Hi team,", "Hello,", "Dear support team,", "Good morning,", "Hi there,", ""];

    private static readonly string[] ClosingsJa =
        ["よろしくお願いいたします。", "ご確認のほどよろしくお願いします。", "至急ご対応ください。", "ご回答お待ちしております。", ""];

    private static readonly string[] ClosingsEn = ["Thanks.", "Best regards.", "Please get back to us soon.", "Regards.", ""];

    private static readonly string[] PositiveJa =
        ["使いやすくて助かっています。", "サポートの対応が早くて安心です。", "とても満足しています。", "社内でも好評です。", "コスパが良いと思います。"];

    private static readonly string[] NegativeJa =
        ["動作が重いです。", "価格の割に満足度が低いです。", "問い合わせの返信が遅いです。", "改善が感じられません。", "期待外れでした。", "使い方が分かりにくいです。"];

    private static readonly string[] PositiveEn = ["Easy to use.", "Great support.", "Very happy with it.", "Good value for money."];

    private static readonly string[] NegativeEn = ["Too slow.", "Not worth the price.", "Support is slow to reply.", "Disappointing.", "Hard to use."];

    /// <summary>Every intent-to-cancel sentence, in both languages and both scenarios (for tests and text models).</summary>
    public static IEnumerable<string> IntentPhrases => SaasIntentsJa.Concat(SaasIntentsEn).Concat(EcIntentsJa).Concat(EcIntentsEn);

    /// <summary>Every complaint sentence (with <c>{n}</c> placeholders), in both languages and both scenarios.</summary>
    public static IEnumerable<string> ComplaintPhrases =>
        SaasComplaintsJa.Concat(SaasComplaintsEn).Concat(EcComplaintsJa).Concat(EcComplaintsEn)
            .Concat(SaasPriceJa).Concat(SaasPriceEn).Concat(EcPriceJa).Concat(EcPriceEn);

    /// <summary>Writes a ticket subject and body.</summary>
    public static (string Subject, string Body) Ticket(
        DemoRandom rng, DemoScenario scenario, bool english, TicketTone tone, bool phone)
    {
        var saas = scenario == DemoScenario.Saas;
        var topic = english ? rng.Pick(saas ? SaasTopicsEn : EcTopicsEn) : rng.Pick(saas ? SaasTopicsJa : EcTopicsJa);
        var separator = english ? " " : string.Empty;
        var body = new StringBuilder(160);
        if (phone)
        {
            Append(body, english ? "[Phone call]" : rng.Pick(["【電話受付】", "（お電話にて）"]), separator);
        }

        Append(body, english ? rng.Pick(OpeningsEn) : rng.Pick(OpeningsJa), separator);
        var topicFirst = !tone.Intent || rng.Chance(0.5);
        if (topicFirst)
        {
            Append(body, Fill(topic.Sentence, rng, null), separator);
        }

        if (tone.Negative)
        {
            var complaints = english ? (saas ? SaasComplaintsEn : EcComplaintsEn) : (saas ? SaasComplaintsJa : EcComplaintsJa);
            Append(body, Fill(rng.Pick(complaints), rng, null), separator);
            if (rng.Chance(0.3))
            {
                Append(body, Fill(rng.Pick(complaints), rng, null), separator);
            }
        }

        if (tone.PriceFocus)
        {
            Append(body, rng.Pick(english ? (saas ? SaasPriceEn : EcPriceEn) : (saas ? SaasPriceJa : EcPriceJa)), separator);
        }

        if (tone.Competitor is not null)
        {
            var mentions = english ? (saas ? SaasCompetitorEn : EcCompetitorEn) : (saas ? SaasCompetitorJa : EcCompetitorJa);
            Append(body, Fill(rng.Pick(mentions), rng, tone.Competitor), separator);
        }

        if (tone.Intent)
        {
            Append(body, rng.Pick(english ? (saas ? SaasIntentsEn : EcIntentsEn) : (saas ? SaasIntentsJa : EcIntentsJa)), separator);
        }

        Append(body, english ? rng.Pick(ClosingsEn) : rng.Pick(ClosingsJa), separator);
        return (Subject(rng, saas, english, tone, topic.Subject), body.ToString());
    }

    /// <summary>An optional survey comment matching the score's mood (null about two times in three).</summary>
    public static string? SurveyComment(DemoRandom rng, bool english, bool positive, bool negative)
    {
        if (!rng.Chance(0.35) || (!positive && !negative))
        {
            return null;
        }

        return positive
            ? rng.Pick(english ? PositiveEn : PositiveJa)
            : rng.Pick(english ? NegativeEn : NegativeJa);
    }

    /// <summary>The cancellation reason a customer gives, by the mechanism that drove them (may be null).</summary>
    public static string? CancellationReason(DemoRandom rng, DemoScenario scenario, ChurnMechanism cause) =>
        rng.Pick((scenario == DemoScenario.Saas ? SaasReasons : EcReasons)[(int)cause]);

    private static string Subject(DemoRandom rng, bool saas, bool english, TicketTone tone, string topicSubject)
    {
        if (tone.Intent && rng.Chance(0.7))
        {
            return rng.Pick(english ? (saas ? SaasIntentSubjectsEn : EcIntentSubjectsEn) : (saas ? SaasIntentSubjectsJa : EcIntentSubjectsJa));
        }

        if (tone.PriceFocus && rng.Chance(0.5))
        {
            return english ? "Pricing question" : "料金について";
        }

        if (tone.Negative && rng.Chance(0.3))
        {
            return (english ? "URGENT: " : "【至急】") + topicSubject;
        }

        return rng.Chance(0.1) ? "Re: " + topicSubject : topicSubject;
    }

    private static void Append(StringBuilder body, string sentence, string separator)
    {
        if (sentence.Length == 0)
        {
            return;
        }

        if (body.Length > 0)
        {
            body.Append(separator);
        }

        body.Append(sentence);
    }

    private static string Fill(string template, DemoRandom rng, string? competitor)
    {
        var text = template.Contains("{n}", StringComparison.Ordinal)
            ? template.Replace("{n}", rng.Next(2, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : template;
        return competitor is null ? text : text.Replace("{c}", competitor, StringComparison.Ordinal);
    }
}

using System.Text;

namespace Kizuki.Alerts;

/// <summary>A warm follow-up message for one reason group, in Japanese and English, with <c>{variable}</c> placeholders.</summary>
/// <param name="Subject">Subject line per language (<c>ja</c>, <c>en</c>).</param>
/// <param name="Body">Body per language.</param>
public sealed record FollowUpTemplate(IReadOnlyDictionary<string, string> Subject, IReadOnlyDictionary<string, string> Body);

/// <summary>Follow-up templates by reason group, with defaults for every group and a generic fallback.</summary>
/// <remarks>
/// Variables: <c>{name}</c> (customer name, or 「お客」/"customer" when unknown), <c>{customer_id}</c>, <c>{days}</c>
/// (days since the last login or order), <c>{rule}</c>, <c>{reason}</c> and <c>{company}</c> (the sender, from the settings).
/// </remarks>
public static class FollowUpTemplates
{
    /// <summary>The key of the template used when the reason group has none.</summary>
    public const string Fallback = "default";

    /// <summary>The variables a template may use.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["name", "customer_id", "days", "rule", "reason", "company"];

    /// <summary>The built-in templates, by reason-group key (see <see cref="ReasonGroups.Default"/>).</summary>
    public static IReadOnlyDictionary<string, FollowUpTemplate> Defaults { get; } = new Dictionary<string, FollowUpTemplate>(StringComparer.Ordinal)
    {
        ["logins"] = T("ご利用状況のご確認", "Checking in",
            "{name}様、最近のご利用が少し減っているようですが、ご不便な点はございませんか？ お困りのことがあれば、このメールにご返信ください。{company}",
            "Hello {name}, we noticed you have not logged in for {days} days. Is anything getting in the way? Just reply to this email. {company}"),
        ["feature_usage"] = T("便利な使い方のご案内", "Getting more out of your account",
            "{name}様、よく使われていた機能のご利用が減っているようです。使い方のご案内や設定のお手伝いをいたしますので、お気軽にご連絡ください。{company}",
            "Hello {name}, you seem to use a feature you relied on less often. We are happy to help you set it up again; just reply. {company}"),
        ["purchases"] = T("いつもありがとうございます", "Thank you for being with us",
            "{name}様、前回のご購入から{days}日が経ちました。何かお探しのものやご要望があれば、お気軽にお知らせください。{company}",
            "Hello {name}, it has been {days} days since your last order. If there is anything you are looking for, let us know. {company}"),
        ["purchase_outlook"] = T("いつもありがとうございます", "Thank you for being with us",
            "{name}様、いつもご利用ありがとうございます。次のお買い物のご参考に、お探しのものやご要望があればお気軽にお知らせください。{company}",
            "Hello {name}, thank you for shopping with us. If there is anything you are looking for next, just reply and we will help. {company}"),
        ["tickets"] = T("お問い合わせのその後について", "Following up on your request",
            "{name}様、先日のお問い合わせについて、その後問題なくご利用いただけていますでしょうか？ 解決していない点があれば担当者が直接ご連絡いたします。{company}",
            "Hello {name}, we want to make sure your recent request was fully resolved. If not, a member of our team will contact you directly. {company}"),
        ["ticket_sentiment"] = T("先日のお問い合わせについてお詫び", "About your recent requests",
            "{name}様、先日のお問い合わせでは、ご不便とご心配をおかけし申し訳ございません。責任者より改めてご連絡し、解決までお手伝いいたします。{company}",
            "Hello {name}, we are sorry for the trouble behind your recent requests. A manager will contact you personally and see it through. {company}"),
        ["satisfaction"] = T("ご意見をお聞かせください", "We would like to hear from you",
            "{name}様、アンケートへのご回答ありがとうございました。ご期待に沿えていない点があれば、改善のためにぜひ詳しくお聞かせください。{company}",
            "Hello {name}, thank you for your feedback. If we fell short, we would really like to hear how we can do better. {company}"),
        ["renewal"] = T("ご契約更新の前に", "Before your renewal",
            "{name}様、ご契約の更新が近づいてまいりました。これまでのご利用を振り返り、今後に合ったご利用方法を一緒に確認するお時間をいただけませんか？ {company}",
            "Hello {name}, your renewal is coming up. Could we set up a short call to review how things are going and what would help next? {company}"),
        ["pricing_pages"] = T("プランのご相談", "Finding the right plan",
            "{name}様、ご利用中のプランについてご検討中でしたら、ご利用状況に合ったプランをご提案いたします。お気軽にこのメールにご返信ください。{company}",
            "Hello {name}, if you are weighing up your plan, we are happy to suggest the one that fits how you use us. Just reply to this email. {company}"),
        [Fallback] = T("ご利用状況のご確認", "Checking in",
            "{name}様、いつもご利用ありがとうございます。ご不便な点やご要望があれば、このメールにご返信ください。{company}",
            "Hello {name}, thank you for being with us. If anything could work better for you, just reply to this email. {company}"),
    };

    /// <summary>
    /// The template of a reason group: the override for the group, else an override under an alias that covers it
    /// (e.g. <c>support</c> for <c>tickets</c>, see <see cref="ReasonGroups.Aliases"/>), else the built-in one, else the
    /// fallback (overridden or built-in).
    /// </summary>
    public static FollowUpTemplate For(string? reason, IReadOnlyDictionary<string, FollowUpTemplate>? overrides)
    {
        if (reason is not null && overrides is not null)
        {
            if (overrides.TryGetValue(reason, out var own)) { return own; }
            foreach (var (alias, members) in ReasonGroups.Aliases)
            {
                if (members.Contains(reason, StringComparer.Ordinal) && overrides.TryGetValue(alias, out var aliased)) { return aliased; }
            }
        }

        if (reason is not null && Defaults.TryGetValue(reason, out var builtIn)) { return builtIn; }
        return overrides is not null && overrides.TryGetValue(Fallback, out var fallback) ? fallback : Defaults[Fallback];
    }

    /// <summary>Checks that every placeholder of every template is a known variable and both languages are present.</summary>
    /// <exception cref="InvalidDataException">Names the template, language and placeholder.</exception>
    public static void Validate(IReadOnlyDictionary<string, FollowUpTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var (key, template) in templates)
        {
            foreach (var language in new[] { "ja", "en" })
            {
                foreach (var (part, text) in new[] { ("subject", template.Subject), ("body", template.Body) })
                {
                    if (!text.TryGetValue(language, out var value) || string.IsNullOrWhiteSpace(value))
                    {
                        throw new InvalidDataException($"settings.json: alerts.followUps.{key}.{part} に {language} の文がありません / " +
                            $"alerts.followUps.{key}.{part} has no {language} text.");
                    }

                    foreach (var name in Placeholders(value).Where(n => !Variables.Contains(n)))
                    {
                        throw new InvalidDataException($"settings.json: alerts.followUps.{key}.{part}.{language} の {{{name}}} は使えません（使える変数: {string.Join(", ", Variables)}） / " +
                            $"alerts.followUps.{key}.{part}.{language} uses {{{name}}}; expected one of {string.Join(", ", Variables)}.");
                    }
                }
            }
        }
    }

    /// <summary>Fills <c>{variable}</c> placeholders; unknown ones are left as written.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var result = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, open - i);
            var name = text[(open + 1)..close];
            result.Append(values.TryGetValue(name, out var value) ? value : text[open..(close + 1)]);
            i = close + 1;
        }

        return result.ToString().Trim();
    }

    private static IEnumerable<string> Placeholders(string text)
    {
        for (var open = text.IndexOf('{'); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var close = text.IndexOf('}', open + 1);
            if (close < 0) { yield break; }
            yield return text[(open + 1)..close];
        }
    }

    private static FollowUpTemplate T(string subjectJa, string subjectEn, string ja, string en) => new(
        new Dictionary<string, string>(StringComparer.Ordinal) { ["ja"] = subjectJa, ["en"] = subjectEn },
        new Dictionary<string, string>(StringComparer.Ordinal) { ["ja"] = ja, ["en"] = en });
}

using Kizuki.Features.History;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

/// <summary>Support tickets: how many, whether more than before, how many are open, how fast and how well they were closed.</summary>
/// <remarks>
/// A ticket is mutable: at the as-of instant T it is open unless it closed before T, and its satisfaction rating is
/// known only once it has closed before T. Tickets opened more than 730 days before T are not read, so the live
/// evaluator (which forgets older events) agrees with the batch one.
/// </remarks>
internal sealed class TicketFeatures : IFeatureGroup
{
    /// <summary>A scored ticket with a sentiment below this (on −1 to 1) counts as negative.</summary>
    public const double NegativeSentimentBelow = 0;

    /// <summary>A scored ticket with a churn-intent probability at least this counts as stating an intent to cancel.</summary>
    public const double ChurnIntentAtLeast = 0.5;

    /// <summary>The highest satisfaction rating (on 1–5) that counts as low.</summary>
    public const int LowSatisfactionAtMost = 2;

    private const long Month = 30 * Millis.Day;
    private const long Quarter = 90 * Millis.Day;
    private const long HalfYear = 180 * Millis.Day;
    private const long Horizon = ActivityFeatures.HorizonDays * Millis.Day;
    private const BusinessField S = BusinessField.Support;

    /// <summary>The ticket features, in the order <see cref="Evaluate"/> writes them.</summary>
    public static readonly IReadOnlyList<FeatureDefinition> All =
    [
        Number("tickets_30d", S, "直近30日の問い合わせ数", "Tickets in the last 30 days",
            "基準日時までの30日間に受け付けた問い合わせの数。", "Tickets opened in the 30 days before the as-of instant."),
        Number("tickets_90d", S, "直近90日の問い合わせ数", "Tickets in the last 90 days",
            "基準日時までの90日間に受け付けた問い合わせの数。", "Tickets opened in the 90 days before the as-of instant."),
        Number("ticket_trend", S, "問い合わせ数の傾向", "Ticket trend",
            "(直近30日の件数 − その前の60日の30日あたり件数) ÷ max(1, その前の60日の30日あたり件数)。プラスは増加です。",
            "(tickets in the last 30 days − tickets per 30 days in the 60 days before) ÷ max(1, that rate); positive means rising."),
        Number("open_tickets", S, "未解決の問い合わせ数", "Open tickets",
            "基準日時の時点で閉じていない問い合わせの数（730日前まで）。", "Tickets not closed before the as-of instant (opened in the last 730 days)."),
        Number("mean_days_to_close_180d", S, "平均解決日数（180日）", "Mean days to close (180 days)",
            "直近180日に受け付け、基準日時より前に閉じた問い合わせの、受付から解決までの平均日数。該当がなければ空欄。",
            "Mean days from opening to closing of tickets opened in the last 180 days and closed before the as-of instant; empty when none."),
        Number("low_satisfaction_tickets_180d", S, "満足度の低い問い合わせ数（180日）", "Low-satisfaction tickets (180 days)",
            "直近180日に受け付け、基準日時より前に閉じて満足度1〜2と評価された問い合わせの数。",
            "Tickets opened in the last 180 days, closed before the as-of instant and rated 1–2 for satisfaction."),
        Number("negative_ticket_share_90d", S, "否定的な問い合わせの割合（90日）", "Share of negative tickets (90 days)",
            "直近90日の問い合わせのうち、本文の感情スコアが否定的（0未満）なものの割合。スコア付きの問い合わせだけで数え、なければ空欄。",
            "Of the tickets opened in the last 90 days whose text was scored, the share with negative sentiment (below 0); empty when none was scored."),
        Number("churn_intent_tickets_90d", S, "解約意向のある問い合わせ数（90日）", "Tickets stating intent to cancel (90 days)",
            "直近90日の問い合わせのうち、解約意向スコアが0.5以上のものの数。スコア付きの問い合わせがなければ空欄。",
            "Tickets opened in the last 90 days whose text shows an intent to cancel (score 0.5 or more); empty when none was scored."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<FeatureDefinition> Definitions => All;

    /// <inheritdoc />
    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        ArgumentNullException.ThrowIfNull(history);
        int last30 = 0, last90 = 0, open = 0, closed180 = 0, lowSatisfaction = 0;
        int sentimentScored = 0, negative = 0, intentScored = 0, intent = 0;
        long closeTime = 0;
        foreach (ref readonly var t in history.Tickets.Between(asOf - Horizon, asOf))
        {
            var age = asOf - t.Opened;
            var closedBefore = t.Closed < asOf;
            if (!closedBefore) { open++; }
            if (age <= Month) { last30++; }
            if (age <= Quarter)
            {
                last90++;
                if (!double.IsNaN(t.Sentiment))
                {
                    sentimentScored++;
                    if (t.Sentiment < NegativeSentimentBelow) { negative++; }
                }

                if (!double.IsNaN(t.ChurnIntent))
                {
                    intentScored++;
                    if (t.ChurnIntent >= ChurnIntentAtLeast) { intent++; }
                }
            }

            if (age <= HalfYear && closedBefore)
            {
                closed180++;
                closeTime += t.Closed - t.Opened;
                if (t.Satisfaction is >= 1 and <= LowSatisfactionAtMost) { lowSatisfaction++; }
            }
        }

        var priorPer30 = (last90 - last30) / 2.0;
        output.Set(0, last30);
        output.Set(1, last90);
        output.Set(2, ActivityFeatures.Trend(last30, priorPer30));
        output.Set(3, open);
        output.Set(4, closed180 == 0 ? double.NaN : closeTime / (double)closed180 / Millis.Day);
        output.Set(5, lowSatisfaction);
        output.Set(6, sentimentScored == 0 ? double.NaN : negative / (double)sentimentScored);
        output.Set(7, intentScored == 0 ? double.NaN : intent);
    }
}

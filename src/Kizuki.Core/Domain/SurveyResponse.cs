namespace Kizuki.Domain;

/// <summary>An answer to a satisfaction survey: NPS (0–10) or CSAT (1–5).</summary>
/// <param name="Id">Source id; unique.</param>
/// <param name="CustomerId">Who answered.</param>
/// <param name="RespondedAt">When (UTC).</param>
/// <param name="Kind">NPS or CSAT.</param>
/// <param name="Score">0–10 for NPS, 1–5 for CSAT.</param>
/// <param name="Comment">Free comment, if any.</param>
public sealed record SurveyResponse(
    string Id,
    string CustomerId,
    DateTimeOffset RespondedAt,
    SurveyKind Kind,
    int Score,
    string? Comment)
{
    /// <summary>The allowed score range of a survey kind.</summary>
    public static (int Min, int Max) ScoreRange(SurveyKind kind) => kind == SurveyKind.Nps ? (0, 10) : (1, 5);
}

/// <summary>Which survey a response answers.</summary>
public enum SurveyKind
{
    /// <summary>Net Promoter Score, 0–10.</summary>
    Nps,
    /// <summary>Customer satisfaction, 1–5.</summary>
    Csat,
}

using Kizuki.Explanations;

namespace Kizuki.Web.Dashboard;

/// <summary>Reads the reasons JSON stored with a score (see <c>StoredScore.Reasons</c>) into what the pages show.</summary>
/// <remarks>
/// The JSON is written by <see cref="ReasonsJson"/> when scores are stored, and read back with it here, so the two cannot
/// drift apart. A score stored without reasons, or with text that is not stored reasons, reads as no reasons rather than
/// failing the page.
/// </remarks>
internal static class ReasonReader
{
    public static ReasonsView? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        CustomerReasons reasons;
        try
        {
            reasons = ReasonsJson.Read(json);
        }
        catch (FormatException)
        {
            return null;
        }

        return new ReasonsView(
            [.. reasons.Raising.Select(View)],
            [.. reasons.Lowering.Select(View)],
            reasons.Action is { } action ? new ActionView(action.Ja, action.En) : null);
    }

    private static ReasonView View(Reason reason) => new(reason.Group, reason.SentenceJa, reason.SentenceEn, reason.ProbabilityPoints);
}

/// <summary>Why a score is what it is.</summary>
internal sealed record ReasonsView(IReadOnlyList<ReasonView> Raising, IReadOnlyList<ReasonView> Lowering, ActionView? Action);

/// <summary>One reason in both languages, with its effect in probability points when known.</summary>
internal sealed record ReasonView(string Group, string Ja, string En, double? ProbabilityPoints);

/// <summary>The suggested action in both languages.</summary>
internal sealed record ActionView(string Ja, string En);

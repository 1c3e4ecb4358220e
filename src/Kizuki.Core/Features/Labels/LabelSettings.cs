using System.Globalization;

namespace Kizuki.Features.Labels;

/// <summary>The <c>labels</c> section of <c>settings.json</c>: the churn definition and the training set's cutoffs.</summary>
/// <remarks>
/// Example: <c>"labels": { "churn": { "kind": "nonContractual", "windowDays": 90, "goneAfterDays": 365 }, "cutoffs": 12, "cutoffStepDays": 30 }</c>.
/// </remarks>
public sealed record LabelSettings
{
    /// <summary>What churn means; see <see cref="ChurnDefinition"/> for each rule and default.</summary>
    public ChurnDefinition Churn { get; init; } = new();

    /// <summary>How many cutoffs the training set spans. Default 12, allowed 1–120.</summary>
    public int Cutoffs { get; init; } = 12;

    /// <summary>
    /// Days between two cutoffs. Default 30: cutoffs fall every 30 days, at midnight in the settings' time zone,
    /// the same 30-day periods the monthly features use (not calendar months, whose lengths differ). Allowed 1–365.
    /// </summary>
    public int CutoffStepDays { get; init; } = 30;

    /// <summary>Checks every range; throws <see cref="InvalidDataException"/> naming the setting, its range and the value.</summary>
    public void Validate()
    {
        if (Churn is null)
        {
            throw new InvalidDataException("settings.json: labels.churn を指定してください / labels.churn must not be null.");
        }

        Churn.Validate();
        if (Cutoffs is < 1 or > 120)
        {
            throw Invalid("cutoffs", "1–120", Cutoffs);
        }

        if (CutoffStepDays is < 1 or > 365)
        {
            throw Invalid("cutoffStepDays", "1–365", CutoffStepDays);
        }
    }

    private static InvalidDataException Invalid(string name, string range, int value) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"settings.json: labels.{name} は {range} の範囲で指定してください（指定値: {value}） / must be in {range}; got {value}."));
}

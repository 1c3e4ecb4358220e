using System.Globalization;
using Kizuki.Storage;

namespace Kizuki.Scoring;

/// <summary>The <c>scoring</c> section of <c>settings.json</c>: where the risk bands begin.</summary>
/// <remarks>
/// Example: <c>"scoring": { "highThreshold": 0.3, "mediumThreshold": 0.1 }</c>. The defaults suit a business whose
/// yearly churn is around 10–20%: "high" then marks roughly twice the usual risk, "low" those well below it.
/// </remarks>
public sealed record ScoringSettings
{
    /// <summary>A probability at or above this is <see cref="RiskBand.High"/>. Default 0.30; must exceed <see cref="MediumThreshold"/> and be below 1.</summary>
    public double HighThreshold { get; init; } = 0.30;

    /// <summary>A probability at or above this (and below the high threshold) is <see cref="RiskBand.Medium"/>. Default 0.10; must be above 0.</summary>
    public double MediumThreshold { get; init; } = 0.10;

    /// <summary>The band a probability falls in.</summary>
    public RiskBand BandOf(double probability) =>
        probability >= HighThreshold ? RiskBand.High : probability >= MediumThreshold ? RiskBand.Medium : RiskBand.Low;

    /// <summary>Checks 0 &lt; medium &lt; high &lt; 1; throws <see cref="InvalidDataException"/> naming the settings and values.</summary>
    public void Validate()
    {
        if (!(MediumThreshold > 0 && MediumThreshold < HighThreshold && HighThreshold < 1))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"settings.json: scoring は 0 < mediumThreshold < highThreshold < 1 を満たすように指定してください（指定値: medium {MediumThreshold}, high {HighThreshold}） / " +
                $"scoring thresholds must satisfy 0 < mediumThreshold < highThreshold < 1; got medium {MediumThreshold}, high {HighThreshold}."));
        }
    }
}

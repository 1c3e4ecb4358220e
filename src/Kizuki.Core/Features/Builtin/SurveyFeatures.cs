using Kizuki.Domain;
using Kizuki.Features.History;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

/// <summary>Survey answers: the latest NPS and CSAT, their change from the answer before, the detractor flag and how long ago the last answer was.</summary>
/// <remarks>Answers given more than 730 days before the as-of instant are not read, so batch and live evaluation agree.</remarks>
internal sealed class SurveyFeatures : IFeatureGroup
{
    /// <summary>The highest NPS (0–10) of a detractor.</summary>
    public const int DetractorAtMost = 6;

    private const long Horizon = ActivityFeatures.HorizonDays * Millis.Day;
    private const BusinessField S = BusinessField.Satisfaction;

    /// <summary>The survey features, in the order <see cref="Evaluate"/> writes them.</summary>
    public static readonly IReadOnlyList<FeatureDefinition> All =
    [
        Number("latest_nps", S, "最新のNPS", "Latest NPS",
            "基準日時より前の最新のNPS回答（0〜10、730日前まで）。回答がなければ空欄。",
            "The latest NPS answer (0–10) before the as-of instant, within 730 days; empty when none."),
        Number("nps_change", S, "NPSの変化", "NPS change",
            "最新のNPS − その前のNPS。回答が2件未満なら空欄。", "Latest NPS minus the one before; empty with fewer than two answers."),
        Number("latest_csat", S, "最新のCSAT", "Latest CSAT",
            "基準日時より前の最新のCSAT回答（1〜5、730日前まで）。回答がなければ空欄。",
            "The latest CSAT answer (1–5) before the as-of instant, within 730 days; empty when none."),
        Number("csat_change", S, "CSATの変化", "CSAT change",
            "最新のCSAT − その前のCSAT。回答が2件未満なら空欄。", "Latest CSAT minus the one before; empty with fewer than two answers."),
        Number("is_detractor", S, "批判者（NPS 0〜6）", "Detractor (NPS 0–6)",
            "最新のNPSが6以下なら1、7以上なら0。NPS回答がなければ空欄。",
            "1 when the latest NPS is 6 or less, 0 when 7 or more; empty without an NPS answer."),
        Number("days_since_last_survey", S, "最後のアンケート回答からの日数", "Days since the last survey answer",
            "基準日時より前の最後のアンケート回答（NPSまたはCSAT、730日前まで）からの日数。回答がなければ空欄。",
            "Days since the last survey answer (NPS or CSAT) before the as-of instant, within 730 days; empty when none."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<FeatureDefinition> Definitions => All;

    /// <inheritdoc />
    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        ArgumentNullException.ThrowIfNull(history);
        var surveys = history.Surveys;
        var stop = surveys.LowerBound(asOf - Horizon);
        double nps = double.NaN, npsBefore = double.NaN, csat = double.NaN, csatBefore = double.NaN;
        var last = long.MinValue;
        for (var i = surveys.LowerBound(asOf) - 1; i >= stop; i--)
        {
            ref readonly var answer = ref surveys[i];
            if (last == long.MinValue) { last = answer.Time; }
            if (answer.Kind == SurveyKind.Nps)
            {
                if (double.IsNaN(nps)) { nps = answer.Score; }
                else if (double.IsNaN(npsBefore)) { npsBefore = answer.Score; }
            }
            else if (double.IsNaN(csat))
            {
                csat = answer.Score;
            }
            else if (double.IsNaN(csatBefore))
            {
                csatBefore = answer.Score;
            }

            if (!double.IsNaN(npsBefore) && !double.IsNaN(csatBefore)) { break; }
        }

        output.Set(0, nps);
        output.Set(1, nps - npsBefore);
        output.Set(2, csat);
        output.Set(3, csat - csatBefore);
        output.Set(4, double.IsNaN(nps) ? double.NaN : nps <= DetractorAtMost ? 1 : 0);
        output.Set(5, last == long.MinValue ? double.NaN : (asOf - last) / (double)Millis.Day);
    }
}

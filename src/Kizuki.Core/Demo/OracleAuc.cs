using System.Globalization;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using Kizuki.Modeling.Evaluation;

namespace Kizuki.Demo;

/// <summary>Two oracle ROC-AUCs on the rows of one cutoff: the best ranking with the whole truth, and with what was knowable.</summary>
/// <param name="Full">From the true hazards, including episodes that begin after the cutoff and silent ones that show no
/// signal. It is not the future that puts it out of a model's reach: an oracle that knows only the state at the cutoff ranks
/// as well (<c>Kizuki.Bench oraclegap</c>). It is the hidden state itself: which customers are in an episode, since when,
/// how severe, which the events show weakly or, for new and silent episodes, hardly at all.</param>
/// <param name="Knowable">From the hazards of the episodes under way at the cutoff: an episode counts only if it began
/// before the cutoff and shows signals; otherwise the customer carries the background hazard alone. A reference, not a
/// bound (see <see cref="OracleAuc"/>).</param>
/// <param name="Rows">Rows of the cutoff that were scored.</param>
internal readonly record struct OracleAucs(double Full, double Knowable, int Rows)
{
    /// <summary>No rows or a class missing: both oracles are undefined.</summary>
    public static readonly OracleAucs None = new(double.NaN, double.NaN, 0);
}

/// <summary>Where a customer's churn episode stood at a cutoff, from the ground truth.</summary>
internal enum EpisodeStage
{
    /// <summary>No episode in the whole history: the background hazard alone.</summary>
    NoEpisode,
    /// <summary>The episode begins at or after the cutoff: nothing of it can be seen yet.</summary>
    NotBegun,
    /// <summary>A silent episode began before the cutoff: it raises the hazard and shows no signal.</summary>
    Silent,
    /// <summary>An episode with signals began before the cutoff (it may be over by then).</summary>
    Visible,
}

/// <summary>The ground truth of one training-set row.</summary>
/// <param name="Row">The row in the training set.</param>
/// <param name="Full">The true probability of churning in the window (the full oracle).</param>
/// <param name="Knowable">The knowable oracle's probability: the background hazard unless a visible episode began before the cutoff.</param>
/// <param name="Stage">Where the customer's episode stood at the cutoff.</param>
/// <param name="EpisodeDays">Days from the episode's onset to the cutoff; NaN when it had not begun.</param>
internal readonly record struct OracleRow(int Row, double Full, double Knowable, EpisodeStage Stage, double EpisodeDays);

/// <summary>
/// The best rankings any model could reach on the demo: the generator's true churn hazards, turned into each customer's
/// true probability of churning in the prediction window, scored against what really happened.
/// </summary>
/// <remarks>
/// <para>Only <c>kizuki demo</c> reads the ground truth, to show how close the model comes; the product never does. The true
/// probability of churning in [T, T + window) is 1 − Π (1 − h_m)^f_m over the calendar months m the window touches, where
/// h_m is the month's hazard and f_m the share of the month inside the window.</para>
/// <para>The full oracle knows the future: an episode that starts inside the window raises h_m there, and silent churners
/// carry their hazard with no signal. The knowable oracle replaces those hazards by the customer's background hazard
/// (what plan, season and contract alone imply), so it ranks with what was knowable at the cutoff.</para>
/// <para>Knowing the future adds little, though. On the 20,000-customer demo an oracle that knows every episode under way at
/// the cutoff (silent ones too) and gives every other customer the mean true probability of their observable group ranks
/// as well as the full oracle (0.865 against 0.863); what the model lacks is the hidden state at the cutoff. <see cref="Describe"/>
/// gives each row's stage for such analyses.</para>
/// <para>The knowable oracle is a reference, not a bound: it gives a customer whose episode has not begun the background
/// hazard alone, while the chance that one begins inside the window (higher for some plans and near a renewal) is also
/// knowable in expectation, and retention touches after the cutoff are in its hazards. A model can beat it on a cutoff;
/// on the 20,000-customer demo it stays within a few points of it.</para>
/// </remarks>
internal static class OracleAuc
{
    /// <summary>Both oracles' ROC-AUCs on the rows of one cutoff of a training set.</summary>
    /// <param name="customersFile">The ground truth <c>customers.csv</c> (episode and its onset per customer).</param>
    /// <param name="hazardFile">The ground truth <c>hazard.csv</c> (true and background hazard per customer and month).</param>
    /// <param name="set">The training set whose rows at <paramref name="cutoff"/> are scored.</param>
    /// <param name="cutoff">The cutoff (ms).</param>
    public static OracleAucs Compute(string customersFile, string hazardFile, TrainingSet set, long cutoff)
    {
        var rows = Describe(customersFile, hazardFile, set, cutoff);
        if (rows.Count == 0)
        {
            return OracleAucs.None;
        }

        double[] y = [.. rows.Select(r => (double)set.Labels[r.Row])];
        return new OracleAucs(BinaryMetrics.RocAuc([.. rows.Select(r => r.Full)], y), BinaryMetrics.RocAuc([.. rows.Select(r => r.Knowable)], y), rows.Count);
    }

    /// <summary>What the ground truth says of each row of a training set: both oracles' probabilities and the customer's
    /// episode as it stood at the row's cutoff.</summary>
    /// <param name="customersFile">The ground truth <c>customers.csv</c>.</param>
    /// <param name="hazardFile">The ground truth <c>hazard.csv</c>.</param>
    /// <param name="set">The training set.</param>
    /// <param name="cutoff">Only the rows of this cutoff (ms); null for every row, each at its own cutoff.</param>
    public static IReadOnlyList<OracleRow> Describe(string customersFile, string hazardFile, TrainingSet set, long? cutoff)
    {
        ArgumentNullException.ThrowIfNull(set);
        var hazards = ReadHazards(hazardFile);
        var episodes = ReadEpisodes(customersFile);
        var window = set.Definition.Window;
        var result = new List<OracleRow>();
        for (var r = 0; r < set.RowCount; r++)
        {
            var at = set.Cutoffs[r];
            if (cutoff is { } only && at != only)
            {
                continue;
            }

            var id = set.CustomerIds[r];
            var months = hazards.TryGetValue(id, out var m) ? m : [];
            var stage = !episodes.TryGetValue(id, out var episode) ? EpisodeStage.NoEpisode
                : episode.Onset >= at ? EpisodeStage.NotBegun
                : episode.Silent ? EpisodeStage.Silent
                : EpisodeStage.Visible;
            var age = stage is EpisodeStage.Silent or EpisodeStage.Visible ? (at - episode.Onset) / (double)Millis.Day : double.NaN;
            result.Add(new OracleRow(
                r,
                Probability(months, at, at + window, background: false),
                Probability(months, at, at + window, background: stage != EpisodeStage.Visible),
                stage,
                age));
        }

        return result;
    }

    private static double Probability(List<MonthHazard> months, long from, long to, bool background)
    {
        var logSurvival = 0.0;
        foreach (var month in months)
        {
            var overlap = Math.Min(month.End, to) - Math.Max(month.Start, from);
            if (overlap > 0)
            {
                var hazard = background ? month.Background : month.Hazard;
                logSurvival += Math.Log(1 - Math.Min(hazard, 0.999999)) * overlap / (month.End - month.Start);
            }
        }

        return 1 - Math.Exp(logSurvival);
    }

    // customers.csv: customer_id, scenario, mechanism, churned_at, recovered, episode, episode_onset
    private static Dictionary<string, Episode> ReadEpisodes(string path)
    {
        var result = new Dictionary<string, Episode>(StringComparer.Ordinal);
        var line = 1;
        foreach (var text in File.ReadLines(path).Skip(1))
        {
            line++;
            var cells = text.Split(',');
            if (cells.Length < 7 || !ChurnMechanisms.TryParse(cells[5], out var mechanism))
            {
                throw Malformed(path, line, "customer_id,scenario,mechanism,churned_at,recovered,episode,episode_onset");
            }

            if (mechanism != ChurnMechanism.None)
            {
                result[cells[0]] = new Episode(mechanism == ChurnMechanism.Silent, Millis.Of(ParseInstant(cells[6], path, line)));
            }
        }

        return result;
    }

    // hazard.csv: customer_id, month_start, hazard, active_mechanism, background_hazard
    private static Dictionary<string, List<MonthHazard>> ReadHazards(string path)
    {
        var result = new Dictionary<string, List<MonthHazard>>(StringComparer.Ordinal);
        var line = 1;
        foreach (var text in File.ReadLines(path).Skip(1))
        {
            line++;
            var cells = text.Split(',');
            if (cells.Length < 5
                || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var hazard)
                || !double.TryParse(cells[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var background))
            {
                throw Malformed(path, line, "customer_id,month_start,hazard,active_mechanism,background_hazard");
            }

            var start = ParseInstant(cells[1], path, line);
            if (!result.TryGetValue(cells[0], out var months))
            {
                months = [];
                result[cells[0]] = months;
            }

            months.Add(new MonthHazard(Millis.Of(start), Millis.Of(start.AddMonths(1)), hazard, background));
        }

        return result;
    }

    private static DateTimeOffset ParseInstant(string text, string path, int line) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw Malformed(path, line, "an instant such as 2025-04-01T00:00:00+09:00");

    private static InvalidDataException Malformed(string path, int line, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{path} {line} 行目: 正解データの形式が違います（期待: {expected}）。 / {path} line {line}: malformed ground truth (expected {expected})."));

    private readonly record struct MonthHazard(long Start, long End, double Hazard, double Background);

    private readonly record struct Episode(bool Silent, long Onset);
}

using System.Globalization;
using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Features.Batch;
using Kizuki.Notifications;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    private (IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<FollowUp> FollowUps) Raise(FeatureTable table, ScoringRun? run, DateTimeOffset asOf, DateTimeOffset now)
    {
        if (_alerts.Rules.Rules.Count == 0)
        {
            return ([], []);
        }

        var scoreOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; run is not null && i < run.Scores.Count; i++)
        {
            scoreOf[run.Scores[i].CustomerId] = i;
        }

        var count = _features.Catalog.Count;
        var numbers = new double[count];
        var categories = new string?[count];
        var stored = new List<StoredAlert>();
        var followUps = new List<FollowUp>();
        var day = asOf.ToUnixTimeMilliseconds() / 86_400_000L;
        for (var row = 0; row < table.RowCount; row++)
        {
            var id = table.CustomerIds[row];
            for (var f = 0; f < count; f++)
            {
                numbers[f] = table.NumberColumn(f) is { } n ? n[row] : double.NaN;
                categories[f] = table.CategoryColumn(f) is { } c ? c[row] : null;
            }

            var probability = double.NaN;
            string? reasons = null;
            string? top = null;
            if (scoreOf.TryGetValue(id, out var s))
            {
                probability = run!.Scores[s].Probability;
                reasons = run.Scores[s].Reasons;
                top = run.Reasons is { } r && r[s].Raising.Count > 0 ? r[s].Raising[0].Group : null;
            }

            var trail = Trail(id);
            var facts = new RuleFacts(id, numbers, categories)
            {
                ChurnProbability = probability,
                ChurnProbabilityChange1d = probability - trail.At(day - 1),
                ChurnProbabilityChange7d = probability - trail.At(day - 7),
                TopReason = top,
                Customer = _live.History(id).Customer,
            };
            if (double.IsFinite(probability))
            {
                trail.Record(day, probability);
            }

            foreach (var alert in _alerts.Evaluate(facts, asOf))
            {
                var severity = alert.Severity.ToString().ToLowerInvariant();
                stored.Add(new StoredAlert(StoredAlert.IdOf(id, alert.Rule, asOf), alert.Rule, id, severity, asOf,
                    double.IsFinite(probability) ? probability : null, top, reasons, alert.IsControl));
                var days = numbers[Math.Max(0, _features.Catalog.IndexOf("days_since_last_login"))];
                if (_followUps.Plan(alert, facts.Customer, days) is { } followUp)
                {
                    followUps.Add(followUp);
                }

                _notify?.Invoke(NotificationOf(alert, facts.Customer, reasons));
            }
        }

        if (stored.Count > 0)
        {
            _work.Raise(stored, now);
        }

        _touches.Flush(_store);
        return (stored, followUps);
    }

    private ProbabilityTrail Trail(string customerId)
    {
        if (!_trails.TryGetValue(customerId, out var trail))
        {
            trail = new ProbabilityTrail();
            _trails[customerId] = trail;
        }

        return trail;
    }

    private static Notification NotificationOf(Alert alert, Customer? customer, string? reasons)
    {
        var name = customer?.Name ?? alert.CustomerId;
        var probability = double.IsFinite(alert.ChurnProbability)
            ? alert.ChurnProbability.ToString("P0", CultureInfo.InvariantCulture)
            : "-";
        var severity = alert.Severity.ToString().ToLowerInvariant();
        return new Notification(
            $"解約リスク: {name}（{alert.Rule}） / Churn risk: {name} ({alert.Rule})",
            $"規則「{alert.Rule}」が {alert.FiredAt.UtcDateTime:yyyy-MM-dd HH:mm}Z に発火しました。 / Rule '{alert.Rule}' fired at {alert.FiredAt.UtcDateTime:yyyy-MM-dd HH:mm}Z.",
            severity, alert.CustomerId, alert.Rule,
            [new("probability", probability), new("top_reason", alert.TopReason ?? "-"), new("reasons", reasons ?? "-")]);
    }

    /// <summary>A customer's latest probability per day over the last week and a bit: what the 1-day and 7-day changes read.</summary>
    private sealed class ProbabilityTrail
    {
        private const int Days = 9;
        private readonly long[] _day = Enumerable.Repeat(long.MinValue, Days).ToArray();
        private readonly double[] _value = new double[Days];

        public void Record(long day, double probability)
        {
            var slot = (int)(((day % Days) + Days) % Days);
            _day[slot] = day;
            _value[slot] = probability;
        }

        /// <summary>The latest probability recorded on <paramref name="day"/> or the closest day before it (within the trail); NaN when none.</summary>
        public double At(long day)
        {
            for (var d = day; d > day - Days + 1; d--)
            {
                var slot = (int)(((d % Days) + Days) % Days);
                if (_day[slot] == d)
                {
                    return _value[slot];
                }
            }

            return double.NaN;
        }
    }
}

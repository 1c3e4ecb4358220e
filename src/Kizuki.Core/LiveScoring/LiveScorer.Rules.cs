using System.Diagnostics;
using System.Globalization;
using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Features.History;
using Kizuki.Notifications;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    private (IReadOnlyList<StoredScore> Scores, IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<FollowUp> FollowUps) ScoreAndRaise(
        List<string> touched, DateTimeOffset asOf, DateTimeOffset now)
    {
        var scores = new List<StoredScore>(_rowModel is null ? 0 : touched.Count);
        var stored = new List<StoredAlert>();
        var followUps = new List<FollowUp>();
        var rules = _alerts.Rules.Rules.Count > 0;
        if (_rowModel is null && !rules)
        {
            return (scores, stored, followUps);
        }

        var at = Millis.Of(asOf);
        var day = asOf.ToUnixTimeMilliseconds() / 86_400_000L;
        var daysWithoutLogin = _features.Catalog.IndexOf("days_since_last_login");
        long features = 0, model = 0, ruling = 0;
        foreach (var id in touched)
        {
            var t0 = Stopwatch.GetTimestamp();
            _live.Evaluate(id, at, _numbers, _categories);
            var t1 = Stopwatch.GetTimestamp();
            features += t1 - t0;
            var probability = double.NaN;
            string? reasons = null;
            string? top = null;
            if (_rowModel?.Score(id, _numbers, _categories, asOf, now) is { } scored)
            {
                scores.Add(scored.Score);
                probability = scored.Score.Probability;
                reasons = scored.Score.Reasons;
                top = scored.Reasons is { Raising.Count: > 0 } r ? r.Raising[0].Group : null;
            }

            var t2 = Stopwatch.GetTimestamp();
            model += t2 - t1;
            if (!rules)
            {
                continue;
            }

            var trail = Trail(id);
            var facts = new RuleFacts(id, _numbers, _categories)
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
                var days = _numbers[Math.Max(0, daysWithoutLogin)];
                if (_followUps.Plan(alert, facts.Customer, days) is { } followUp)
                {
                    followUps.Add(followUp);
                }

                _notify?.Invoke(NotificationOf(alert, facts.Customer, reasons));
            }

            ruling += Stopwatch.GetTimestamp() - t2;
        }

        var t3 = Stopwatch.GetTimestamp();
        if (scores.Count > 0)
        {
            _store.SaveScores(scores);
        }

        if (stored.Count > 0)
        {
            _work.Raise(stored, now);
        }

        _touches.Flush(_store);
        Stages.Features += Stopwatch.GetElapsedTime(0, features);
        Stages.Model += Stopwatch.GetElapsedTime(0, model);
        Stages.Rules += Stopwatch.GetElapsedTime(0, ruling);
        Stages.Store += Stopwatch.GetElapsedTime(t3);
        return (scores, stored, followUps);
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

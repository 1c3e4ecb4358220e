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
            var scoreAt = -1;
            var explained = (Kizuki.Explanations.CustomerReasons?)null;
            Reasoned? kept = null;
            if (_rowModel?.Predict(_numbers, _categories) is { } p)
            {
                probability = p;
                (kept, explained) = ReasonsFor(id, p, asOf);
                scoreAt = scores.Count;
                scores.Add(_rowModel.Row(id, _numbers, _categories, asOf, now, p, kept?.Json));
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
                TopReason = kept?.Top,
                Customer = _live.History(id).Customer,
            };
            if (double.IsFinite(probability))
            {
                trail.Record(day, probability);
            }

            foreach (var alert in _alerts.Evaluate(facts, asOf))
            {
                if (scoreAt >= 0 && explained is null && _rowModel!.CanExplain)
                {
                    // An alert is what staff act on: its reasons are always fresh (the row is still the last one predicted).
                    var t = Stopwatch.GetTimestamp();
                    kept = Explain(id, probability, asOf);
                    explained = kept.Reasons;
                    scores[scoreAt] = scores[scoreAt] with { Reasons = kept.Json };
                    model += Stopwatch.GetTimestamp() - t;
                }

                var severity = alert.Severity.ToString().ToLowerInvariant();
                var top = kept?.Top;
                stored.Add(new StoredAlert(StoredAlert.IdOf(id, alert.Rule, asOf), alert.Rule, id, severity, asOf,
                    double.IsFinite(probability) ? probability : null, top, kept?.Json, alert.IsControl));
                var days = _numbers[Math.Max(0, daysWithoutLogin)];
                if (_followUps.Plan(alert, facts.Customer, days) is { } followUp)
                {
                    followUps.Add(followUp);
                }

                _notify?.Invoke(NotificationOf(alert, facts.Customer, kept?.Json));
            }

            ruling += Stopwatch.GetTimestamp() - t2;
        }

        var t3 = Stopwatch.GetTimestamp();
        if (_writes is { } writes)
        {
            // Inside the pipeline's group transaction: scores and touches commit with the events; alerts go to the work
            // store after the commit (RaiseDeferred), as its writes would wait on this transaction's lock.
            _scores.Save(scores, writes);
            _touches.Flush(writes);
            Defer(stored, now);
        }
        else
        {
            _scores.Save(scores);
            if (stored.Count > 0)
            {
                _work.Raise(stored, now);
            }

            _touches.Flush(_store);
        }

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
}

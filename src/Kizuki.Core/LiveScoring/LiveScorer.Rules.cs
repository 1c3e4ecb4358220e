using System.Diagnostics;
using System.Globalization;
using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Explanations;
using Kizuki.Features.History;
using Kizuki.Notifications;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    /// <summary>Scores the touched customers and evaluates the rules; stores the results unless preparing.</summary>
    /// <param name="touched">The customers to score, each once.</param>
    /// <param name="asOf">The instant the features are evaluated at.</param>
    /// <param name="now">When the step runs.</param>
    /// <param name="early">
    /// While preparing: when some customers' reasons must be computed and others' not, receives the others' part first (with
    /// those customers), so that their scores do not wait for the reasons; the rest is returned. Null: everything is returned.
    /// </param>
    private (IReadOnlyList<StoredScore> Scores, IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<FollowUp> FollowUps) ScoreAndRaise(
        List<string> touched, DateTimeOffset asOf, DateTimeOffset now, Action<LiveStep, IReadOnlySet<string>>? early = null)
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

        // 1. Every touched customer's features and probability; whose reasons are due now.
        var width = _numbers.Length;
        Rows(touched.Count * width);
        var probabilities = new double[touched.Count];
        var due = new List<int>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < touched.Count; i++)
        {
            _live.Evaluate(touched[i], at, _numbers, _categories);
            _numbers.CopyTo(_rowNumbers, i * width);
            _categories.CopyTo(_rowCategories, i * width);
        }

        var evaluated = Stopwatch.GetTimestamp();
        features += evaluated - started;
        if (_rowModel is null)
        {
            Array.Fill(probabilities, double.NaN);
        }
        else
        {
            _rowModel.PredictMany(_rowNumbers, _rowCategories, probabilities);
        }

        for (var i = 0; i < touched.Count; i++)
        {
            if (double.IsFinite(probabilities[i]) && ReasonsDue(touched[i], probabilities[i]))
            {
                due.Add(i);
            }
        }

        model += Stopwatch.GetTimestamp() - evaluated;

        // 2. The reasons due, as one block (the TreeSHAP tables are read once for all of them); when there is a taker for an
        // early part, the customers without reasons due are finished and handed over before the reasons are computed.
        Debug.Assert(early is null || _preparing, "only Prepare hands over an early part");
        CustomerReasons?[]? fresh = null;
        var later = early is not null && due.Count > 0 && due.Count < touched.Count ? new HashSet<int>(due) : null;
        if (later is not null)
        {
            var first = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < touched.Count; i++)
            {
                if (!later.Contains(i))
                {
                    Finish(i);
                    first.Add(touched[i]);
                }
            }

            var handed = Stopwatch.GetTimestamp();
            PrepareRows(scores, now);
            Stages.Store += Stopwatch.GetElapsedTime(handed);
            early!(new LiveStep(scores, stored, followUps), first);
            scores = [];
            stored = [];
            followUps = [];
        }

        fresh = ExplainDue(touched, probabilities, due, asOf, ref model);
        for (var i = 0; i < touched.Count; i++)
        {
            if (later is null || later.Contains(i))
            {
                Finish(i);
            }
        }

        var t3 = Stopwatch.GetTimestamp();
        if (_preparing)
        {
            // For the pipeline's writer: scores and touches go into its next transaction, alerts after that commit.
            PrepareRows(scores, now);
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

        // 3. One customer's score row, rules, alerts, follow-ups.
        void Finish(int i)
        {
            var id = touched[i];
            var t1 = Stopwatch.GetTimestamp();
            Array.Copy(_rowNumbers, i * width, _numbers, 0, width);
            Array.Copy(_rowCategories, i * width, _categories, 0, width);
            var probability = probabilities[i];
            var scoreAt = -1;
            var explained = fresh?[i];
            var kept = double.IsFinite(probability) ? KeptReasons(id, probability) : null;
            if (double.IsFinite(probability))
            {
                scoreAt = scores.Count;
                scores.Add(_rowModel!.Row(id, _numbers, _categories, asOf, now, probability, kept?.Json));
            }

            var t2 = Stopwatch.GetTimestamp();
            model += t2 - t1;
            if (!rules)
            {
                return;
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
                    // An alert is what staff act on: its reasons are always fresh.
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

using System.Buffers;
using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// A step scored on the scorer thread and not yet stored: the pipeline's writer stores its scores and touches in its next
/// transaction (<see cref="LiveScorer.StoreStep"/>) and, after that commit, its alerts and tasks (<see cref="LiveScorer.RaiseStep"/>).
/// </summary>
/// <param name="Step">The scores (their feature JSON already written), alerts and follow-ups.</param>
/// <param name="Touches">The follow-up touches to record.</param>
/// <param name="Now">When the step ran (stamps the alerts' tasks).</param>
internal sealed record PreparedStep(LiveStep Step, IReadOnlyList<Touch> Touches, DateTimeOffset Now);

internal sealed partial class LiveScorer
{
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private bool _preparing;

    /// <summary>The store the scorer writes its scores and touches into.</summary>
    public IStore Store => _store;

    /// <summary>
    /// <see cref="Step(IReadOnlyList{object})"/> without storing anything: applies the events, scores and evaluates the rules,
    /// and returns what is to be stored, with each score's feature JSON written here (off the writer's thread).
    /// </summary>
    public PreparedStep Prepare(IReadOnlyList<object> events) => Prepared(() => Step(events));

    /// <summary>
    /// <see cref="Prepare(IReadOnlyList{object})"/> in two parts when some customers' reasons must be computed and others'
    /// not: the others' part goes to <paramref name="early"/> first, with the customers it covers, so that their scores do not
    /// wait for those reasons (a few tenths of a millisecond each); the rest is returned. Otherwise everything is returned.
    /// </summary>
    public PreparedStep Prepare(IReadOnlyList<object> events, Action<PreparedStep, IReadOnlySet<string>> early)
    {
        ArgumentNullException.ThrowIfNull(early);
        return Prepared(() => Step(events, (part, customers) => early(new PreparedStep(part, _touches.Take(), _preparedAt), customers)));
    }

    /// <summary>Runs a step in preparing mode and takes what it left to store; a failed step leaves no touches behind.</summary>
    private PreparedStep Prepared(Func<LiveStep> step)
    {
        _preparing = true;
        try
        {
            var taken = step();
            return new PreparedStep(taken, _touches.Take(), _preparedAt);
        }
        catch
        {
            _touches.Take();
            throw;
        }
        finally
        {
            _preparing = false;
        }
    }

    /// <summary>Writes a prepared step's scores and follow-up touches into the open transaction of <paramref name="writes"/>.</summary>
    /// <returns>Whether data records (touches) were written.</returns>
    public bool StoreStep(PreparedStep step, SqliteLiveWrites writes)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(writes);
        _scores.Save(step.Step.Scores, writes);
        foreach (var touch in step.Touches)
        {
            writes.Add(touch);
        }

        return step.Touches.Count > 0;
    }

    /// <summary>Stores a prepared step's alerts and their tasks; call after the commit that stored its scores.</summary>
    /// <returns>How many alerts were stored.</returns>
    public int RaiseStep(PreparedStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Step.Alerts.Count > 0)
        {
            _work.Raise(step.Step.Alerts, step.Now);
        }

        return step.Step.Alerts.Count;
    }

    private DateTimeOffset _preparedAt;

    /// <summary>While preparing: writes each score's feature JSON now, so the writer only binds it.</summary>
    private void PrepareRows(List<StoredScore> scores, DateTimeOffset now)
    {
        _preparedAt = now;
        foreach (var score in scores)
        {
            if (score.Features is LiveFeatureRow row)
            {
                row.WriteJson(_json);
            }
        }
    }
}

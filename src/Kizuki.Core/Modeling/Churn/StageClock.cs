using System.Diagnostics;

namespace Kizuki.Modeling.Churn;

/// <summary>Times the stages of a training run: elapsed time and the process's CPU time, each since the previous lap.</summary>
/// <remarks>CPU time is reported beside elapsed time because the machine may be shared: it is the cost that does not
/// depend on what else runs. It counts every thread of the process.</remarks>
internal sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<TrainingStage> _stages = [];
    private TimeSpan _lastElapsed;
    private TimeSpan _lastCpu = Cpu();

    /// <summary>The stages so far, in order; stages of the same name are merged.</summary>
    public IReadOnlyList<TrainingStage> Stages => [.. _stages];

    /// <summary>Ends the current stage under <paramref name="name"/> and starts the next.</summary>
    public void Lap(string name)
    {
        var elapsed = _watch.Elapsed;
        var cpu = Cpu();
        var stage = new TrainingStage(name, elapsed - _lastElapsed, cpu - _lastCpu);
        var index = _stages.FindIndex(s => s.Name == name);
        if (index >= 0)
        {
            var merged = _stages[index];
            _stages[index] = merged with { Elapsed = merged.Elapsed + stage.Elapsed, Cpu = merged.Cpu + stage.Cpu };
        }
        else
        {
            _stages.Add(stage);
        }

        (_lastElapsed, _lastCpu) = (elapsed, cpu);
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>One stage of a training run.</summary>
/// <param name="Name">What ran, e.g. <c>trees (search)</c>.</param>
/// <param name="Elapsed">Elapsed (wall) time.</param>
/// <param name="Cpu">CPU time of the whole process (all threads) meanwhile.</param>
internal sealed record TrainingStage(string Name, TimeSpan Elapsed, TimeSpan Cpu);

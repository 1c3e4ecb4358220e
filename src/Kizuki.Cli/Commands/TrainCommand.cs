using System.CommandLine;
using System.Diagnostics;
using Kizuki.Cli.Output;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki train</c>: training set over past cutoffs, fit, honest evaluation, a new active model version.</summary>
internal static class TrainCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        // The global --verbose (details) also shows each training stage's elapsed and CPU time.
        var command = new Command("train", "Train the churn model on past cutoffs and make it active / 解約予測モデルを学習する");
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            using var store = context.OpenStore();
            var watch = Stopwatch.StartNew();
            var dataEnd = FeaturesCommand.ResolveAsOf(context, store, null);
            var set = ChurnModelling.BuildTrainingSet(store, context.Settings, dataEnd);
            var built = watch.Elapsed;
            var (metadata, outcome) = ChurnModelling.Train(set, new ChurnTrainerOptions(), new ModelRegistry(context.DataDirectory),
                environment.Time.GetUtcNow());
            if (context.Json)
            {
                context.WriteJson(ModelView.ToJson(metadata, set.RowCount, built, watch.Elapsed, outcome.Stages));
            }
            else
            {
                ModelView.RenderTraining(context, metadata, set.RowCount, built, watch.Elapsed);
                if (parse.GetValue(globals.Verbose))
                {
                    ModelView.RenderStages(context, outcome.Stages);
                }
            }

            return 0;
        });
        return command;
    }
}

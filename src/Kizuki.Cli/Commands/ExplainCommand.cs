using System.CommandLine;
using Kizuki.Cli.Output;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Modeling.Registry;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki explain &lt;customer-id&gt;</c>: why one customer's churn risk is what it is, and what to do.</summary>
internal static class ExplainCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var customer = new Argument<string>("customer-id") { Description = "The customer to explain / 説明する顧客の ID" };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "As-of date: 2026-10-01, 2026/10/01 (local midnight) or 2026-10-01T09:00+09:00. Default: the local midnight "
                + "after the newest record / 基準日時（省略時はデータの最終日の翌日 0 時）",
        };
        var command = new Command("explain", "Why a customer's churn risk is what it is, with a suggested action / 解約リスクの理由とおすすめの対応")
        {
            customer, asOf,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var id = parse.GetValue(customer)!;
            var (metadata, model) = ScoreCommand.LoadActiveModel(context);
            using var store = context.OpenStore();
            var instant = FeaturesCommand.ResolveAsOf(context, store, parse.GetValue(asOf));
            var features = metadata.CreateFeatureContext(context.Settings.Features);
            var values = BatchFeatureEvaluator.EvaluateCustomer(store, features, id, instant) ?? throw new KizukiException(context.T(
                $"顧客 {id} が見つかりません。", $"customer {id} not found."));
            var explainer = ScoreCommand.NewExplainer(context, model, metadata);
            var explanation = explainer.Explain(CustomerTable.From(values, id, instant), [0]).Explain(0);
            ExplainView.Render(context, explainer, metadata, explanation);
            return 0;
        });
        return command;
    }
}

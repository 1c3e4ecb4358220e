using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using Kizuki.Lifetime;
using Kizuki.Modeling.Churn;
using Kizuki.Storage;

namespace Kizuki.Bench;

/// <summary>
/// Issue 6 item 8: Online Retail through the product. The shop's invoices go into a temporary store (invoice = order,
/// amount = Σ quantity × price, C-invoices are returns, lines without a customer dropped); calibrated up to 90 days
/// before the end, the last 90 days are predicted: per-customer MAE and correlation of predicted against actual
/// purchases (BG/NBD, Pareto/NBD), and the churn AUC (no purchase in the 90 days) of P(no purchase) alone, of
/// 1 − P(alive), and of the churn model (non-contractual, window 90, monthly cutoffs before the calibration end)
/// with and without the lifetime features.
/// </summary>
internal static class RetailBenchmark
{
    private const int WindowDays = 90;

    /// <summary>NaN (an AUC of a single class, a correlation of a constant) is written as "NaN" rather than throwing.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static int Run(string[] args)
    {
        var shared = "../shared/data";
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shared": shared = args[++i]; break;
                case "--json": json = true; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var directory = Directory.CreateTempSubdirectory("kizuki-retail-").FullName;
        try
        {
            var result = Evaluate(Path.Combine(shared, "online-retail", "online_retail.csv.gz"), directory, json ? null : Console.Out);
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs the whole evaluation in a store under <paramref name="directory"/>; progress lines go to <paramref name="log"/>.</summary>
    internal static Dictionary<string, object?> Evaluate(string path, string directory, TextWriter? log)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        using var store = StoreFactory.Open(directory);
        var (invoices, returns, customers, last) = Import(store, path);
        var dataEnd = new DateTimeOffset(last.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var asOf = dataEnd.AddDays(-WindowDays);
        result["invoices"] = invoices;
        result["returnInvoices"] = returns;
        result["customers"] = customers;
        result["calibrationEnd"] = asOf;
        result["holdoutEnd"] = dataEnd;
        result["importSeconds"] = watch.Elapsed.TotalSeconds;
        log?.WriteLine($"Online Retail: {invoices:N0} invoices ({returns:N0} returns) of {customers:N0} customers imported in {watch.Elapsed.TotalSeconds:F1} s; calibration before {asOf:yyyy-MM-dd}, holdout {asOf:yyyy-MM-dd}..{dataEnd.AddDays(-1):yyyy-MM-dd}");

        // Purchase models, as `kizuki lifetime score` fits them: days in UTC (the data's zone), orders strictly before the as-of.
        var orders = CustomerOrders.Read(store, asOf);
        var summaries = orders.Select(o => o.Summarise(asOf, TimeZoneInfo.Utc, TimePeriod.Day)).OfType<CustomerSummary>().ToArray();
        var holdoutDays = CustomerOrders.Read(store, dataEnd).ToDictionary(o => o.CustomerId, o => o.Times
            .Where(t => t >= Millis.Of(asOf)).Select(t => t / Millis.Day).Distinct().Count(), StringComparer.Ordinal);
        var actual = summaries.Select(s => (double)holdoutDays.GetValueOrDefault(s.CustomerId)).ToArray();
        var churned = actual.Select(a => a == 0).ToArray();
        result["calibratedCustomers"] = summaries.Length;
        result["holdoutChurners"] = churned.Count(c => c);
        result["meanActualPurchases"] = actual.Average();
        var weekly = orders.Select(o => o.Summarise(asOf, TimeZoneInfo.Utc, TimePeriod.Week)).OfType<CustomerSummary>().ToArray();
        foreach (var (key, fit) in new (string, Func<IPurchaseModel>)[]
                 {
                     ("bgnbd", () => BgNbdModel.Fit(summaries, TimePeriod.Day)),
                     ("pareto", () => ParetoNbdModel.Fit(summaries, TimePeriod.Day)),
                     ("bgnbdWeeks", () => BgNbdModel.Fit(weekly, TimePeriod.Week)),
                     ("paretoWeeks", () => ParetoNbdModel.Fit(weekly, TimePeriod.Week)),
                 })
        {
            IPurchaseModel model;
            try
            {
                model = fit();
            }
            catch (LifetimeFitException e)
            {
                result[key] = new Dictionary<string, object?> { ["identified"] = false, ["reason"] = e.Message };
                log?.WriteLine($"  {key}: {e.Message}");
                continue;
            }

            var h = WindowDays / TimePeriods.DaysPer(model.Period);
            var rows = model.Period == TimePeriod.Week ? weekly : summaries;
            var predicted = rows.Select(s => model.ConditionalExpectedPurchases(h, s.Frequency, s.Recency, s.Age)).ToArray();
            var none = rows.Select(s => model.ProbabilityNoPurchase(h, s.Frequency, s.Recency, s.Age)).ToArray();
            var dead = rows.Select(s => 1 - model.ProbabilityAlive(s.Frequency, s.Recency, s.Age)).ToArray();
            var figures = new Dictionary<string, object?>
            {
                ["identified"] = true,
                ["limit"] = model.Limit.ToString(),
                ["note"] = model.Note,
                ["parameters"] = model.ToString(),
                ["mae"] = predicted.Zip(actual, (p, a) => Math.Abs(p - a)).Average(),
                ["correlation"] = RetailMetrics.Correlation(predicted, actual),
                ["meanPredictedPurchases"] = predicted.Average(),
                ["aucNoPurchase"] = RetailMetrics.Auc(none, churned),
                ["aucOneMinusPAlive"] = RetailMetrics.Auc(dead, churned),
                ["meanPNoPurchase"] = none.Average(),
            };
            result[key] = figures;
            log?.WriteLine($"  {model}");
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    MAE {figures["mae"]:F3} (actual mean {actual.Average():F3}, predicted {predicted.Average():F3}), correlation {figures["correlation"]:F3}; churn AUC of P(no purchase in 90 d) {figures["aucNoPurchase"]:F3}, of 1 − P(alive) {figures["aucOneMinusPAlive"]:F3}"));
        }

        // The churn model of `kizuki train`, with and without the lifetime features, scored at the calibration end.
        foreach (var (key, mode) in new[] { ("churnModelWithLifetime", "on"), ("churnModelWithoutLifetime", "off") })
        {
            var train = Stopwatch.StartNew();
            var settings = new KizukiSettings
            {
                TimeZone = "UTC",
                Labels = new LabelSettings { Churn = new ChurnDefinition { Kind = ChurnKind.NonContractual, WindowDays = WindowDays }, Cutoffs = 6, CutoffStepDays = 30 },
                Lifetime = new LifetimeSettings { ChurnFeatures = mode },
            };
            var set = ChurnModelling.BuildTrainingSet(store, settings, asOf);
            var outcome = new ChurnTrainer(new ChurnTrainerOptions()).Train(set);
            var context = new FeatureContext(settings.Features, set.Catalog.LifetimeModels);
            var table = BatchFeatureEvaluator.Evaluate(store, context, asOf);
            var model = outcome.StoredModel;
            var positions = model.Encoder.Columns.Select(c => table.IndexOf(c.Name)).ToArray();
            var rowOf = table.CustomerIds.Select((id, r) => (id, r)).ToDictionary(p => p.id, p => p.r, StringComparer.Ordinal);
            var rows = summaries.Select(s => rowOf[s.CustomerId]).ToArray();
            var probabilities = model.Probabilities(model.Encoder.Encode(c => table.Numbers(positions[c]), c => table.Categories(positions[c]), rows));
            var fits = set.Catalog.LifetimeModels?.Fits;
            result[key] = new Dictionary<string, object?>
            {
                ["auc"] = RetailMetrics.Auc(probabilities, churned),
                ["heldOutCutoffAuc"] = outcome.Test.RocAuc.Estimate,
                ["trainingRows"] = set.RowCount,
                ["features"] = set.Definitions.Count,
                ["lifetimeFits"] = fits?.Count(f => f.Parameters is not null),
                ["lifetimeFitsAtNoDropoutLimit"] = fits?.Count(f => f.CreateModel()?.Limit == FitLimit.NoDropout),
                ["lifetimeFitFailures"] = fits?.Where(f => f.Parameters is null).Select(f => $"{f.FittedBefore:yyyy-MM-dd}: {f.Failure}").ToArray(),
                ["seconds"] = train.Elapsed.TotalSeconds,
            };
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  churn model {(mode == "on" ? "with" : "without")} lifetime features: AUC {RetailMetrics.Auc(probabilities, churned):F3} on the holdout ({set.RowCount:N0} training rows, {set.Definitions.Count} features, held-out cutoff AUC {outcome.Test.RocAuc.Estimate:F3}, {train.Elapsed.TotalSeconds:F1} s)"));
            foreach (var failure in fits?.Where(f => f.Parameters is null) ?? [])
            {
                log?.WriteLine($"    no lifetime fit before {failure.FittedBefore:yyyy-MM-dd}: {failure.Failure}");
            }
        }

        result["totalSeconds"] = watch.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>Imports the invoices as customers and orders; returns the counts and the last invoice's instant.</summary>
    private static (int Invoices, int Returns, int Customers, DateTimeOffset Last) Import(IStore store, string path)
    {
        var invoices = new Dictionary<string, (string Customer, DateTimeOffset At, decimal Amount)>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var f = RetailMetrics.SplitCsv(line);
                if (f[6].Length == 0)
                {
                    continue;
                }

                var amount = decimal.Parse(f[3], CultureInfo.InvariantCulture) * decimal.Parse(f[5], CultureInfo.InvariantCulture);
                var at = DateTimeOffset.ParseExact(f[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                invoices[f[0]] = invoices.TryGetValue(f[0], out var v) ? (v.Customer, v.At, v.Amount + amount) : (f[6], at, amount);
            }
        }

        var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (_, (customer, at, _)) in invoices)
        {
            firstSeen[customer] = firstSeen.TryGetValue(customer, out var seen) && seen <= at ? seen : at;
        }

        using var session = store.BeginImport();
        foreach (var (id, signup) in firstSeen)
        {
            session.Add(new Customer(id, null, signup, CustomerSegment.Unknown, Customer.NoAttributes));
        }

        var returns = 0;
        foreach (var (number, (customer, at, amount)) in invoices)
        {
            var isReturn = number.StartsWith('C');
            returns += isReturn ? 1 : 0;
            session.Add(new Order(number, customer, at, Money.Yen(isReturn ? Math.Abs(amount) : Math.Max(0, amount)),
                isReturn ? OrderStatus.Returned : OrderStatus.Completed, false, Order.NoLines));
        }

        session.Commit();
        return (invoices.Count, returns, firstSeen.Count, invoices.Values.Max(v => v.At));
    }
}

/// <summary>The figures of the retail evaluation: ROC AUC, Pearson correlation, and a CSV line splitter.</summary>
internal static class RetailMetrics
{
    /// <summary>Pearson correlation.</summary>
    public static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>ROC AUC of scores against the positives, by ranks (ties averaged).</summary>
    public static double Auc(IReadOnlyList<double> scores, bool[] positive)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2.0) + 1;
            }

            i = j + 1;
        }

        double pos = positive.Count(p => p), neg = positive.Length - pos;
        var sum = ranks.Where((_, i) => positive[i]).Sum();
        return (sum - (pos * (pos + 1) / 2)) / (pos * neg);
    }

    /// <summary>The fields of one CSV line (double quotes escape commas and quotes).</summary>
    public static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}

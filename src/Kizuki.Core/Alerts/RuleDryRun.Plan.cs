using Kizuki.Features;
using Kizuki.Features.History;

namespace Kizuki.Alerts;

internal static partial class RuleDryRun
{
    /// <summary>Customers evaluated together (one model call per block and day).</summary>
    private const int BlockSize = 512;

    /// <summary>What one range of customers found.</summary>
    private sealed class Tally(int rules, int days)
    {
        public List<(string, double)>[] HitsNow { get; } = [.. Enumerable.Range(0, rules).Select(_ => new List<(string, double)>())];

        public int[][] Matches { get; } = [.. Enumerable.Range(0, rules).Select(_ => new int[days])];

        public int[][] Fired { get; } = [.. Enumerable.Range(0, rules).Select(_ => new int[days])];

        public long Evaluations { get; set; }

        public static Tally Merge(IReadOnlyList<Tally> parts, int rules, int days)
        {
            var total = new Tally(rules, days);
            foreach (var part in parts)
            {
                total.Evaluations += part.Evaluations;
                for (var r = 0; r < rules; r++)
                {
                    total.HitsNow[r].AddRange(part.HitsNow[r]);
                    for (var d = 0; d < days; d++)
                    {
                        total.Matches[r][d] += part.Matches[r][d];
                        total.Fired[r][d] += part.Fired[r][d];
                    }
                }
            }

            return total;
        }
    }

    /// <summary>Evaluates blocks of histories at every day, oldest first (so cool-downs replay in order).</summary>
    private sealed class Plan(FeatureCatalog catalog, RuleSet rules, DateTimeOffset[] instants, DryRunModel? model, int lookBack)
    {
        private readonly int _running = catalog.IndexOf(EligibilityFeatures[0]);
        private readonly int _recentOrders = catalog.IndexOf(EligibilityFeatures[1]);

        public Tally Consume(IEnumerable<CustomerHistory> histories)
        {
            var tally = new Tally(rules.Rules.Count, instants.Length);
            var block = new List<CustomerHistory>(BlockSize);
            foreach (var history in histories)
            {
                block.Add(history);
                if (block.Count == BlockSize)
                {
                    Evaluate(block, tally);
                    block.Clear();
                }
            }

            if (block.Count > 0)
            {
                Evaluate(block, tally);
            }

            return tally;
        }

        private void Evaluate(List<CustomerHistory> block, Tally tally)
        {
            var n = block.Count;
            var offsets = instants.Length + lookBack;
            var numbers = new double[n][];
            var categories = new string?[n][];
            for (var i = 0; i < n; i++)
            {
                numbers[i] = new double[catalog.Count];
                categories[i] = new string?[catalog.Count];
            }

            var probabilities = model is null ? null : new double[n, offsets];
            var lastFired = new long[n, rules.Rules.Count];
            for (var i = 0; i < n; i++)
            {
                for (var r = 0; r < rules.Rules.Count; r++) { lastFired[i, r] = long.MinValue; }
            }

            var eligible = new List<int>(n);
            for (var k = offsets - 1; k >= 0; k--)
            {
                var at = Millis.Of(instants[0].AddDays(-k));
                eligible.Clear();
                for (var i = 0; i < n; i++)
                {
                    if (block[i].SignupAt >= at)
                    {
                        continue;
                    }

                    catalog.Evaluate(block[i], at, numbers[i], categories[i]);
                    if (IsActive(numbers[i]))
                    {
                        eligible.Add(i);
                    }
                }

                if (probabilities is not null)
                {
                    Predict(numbers, categories, eligible, probabilities, k);
                }

                if (k < instants.Length)
                {
                    Match(block, numbers, categories, eligible, probabilities, lastFired, k, at, tally);
                }
            }
        }

        private bool IsActive(double[] row)
        {
            var running = _running >= 0 && row[_running] == 1;
            var ordering = _recentOrders >= 0 && row[_recentOrders] > 0;
            return model is null ? running || ordering
                : model.ChurnKind == Scoring.ChurnScorer.Contractual ? (_running < 0 || running) : (_recentOrders < 0 || ordering);
        }

        private void Predict(double[][] numbers, string?[][] categories, List<int> eligible, double[,] probabilities, int k)
        {
            for (var i = 0; i < probabilities.GetLength(0); i++) { probabilities[i, k] = double.NaN; }
            if (eligible.Count == 0)
            {
                return;
            }

            var columns = model!.Model.Encoder.Columns;
            var x = model.Model.Encoder.Encode(
                c => Column(numbers, eligible, Position(columns[c].Name)),
                c => CategoryColumn(categories, eligible, Position(columns[c].Name)),
                [.. Enumerable.Range(0, eligible.Count)]);
            var p = model.Model.Probabilities(x);
            for (var j = 0; j < eligible.Count; j++)
            {
                probabilities[eligible[j], k] = Math.Clamp(p[j], 0, 1);
            }
        }

        private int Position(string name) => catalog.IndexOf(name) is var i and >= 0 ? i : throw new InvalidOperationException(
            $"モデル v{model!.Version} が使う特徴量 {name} が現在の設定にありません。`kizuki train` で学習し直してください。 / " +
            $"model v{model.Version} reads feature {name}, which the current settings no longer define; run `kizuki train` again.");

        private static double[] Column(double[][] rows, List<int> eligible, int feature)
        {
            var column = new double[eligible.Count];
            for (var j = 0; j < column.Length; j++) { column[j] = rows[eligible[j]][feature]; }
            return column;
        }

        private static string?[] CategoryColumn(string?[][] rows, List<int> eligible, int feature)
        {
            var column = new string?[eligible.Count];
            for (var j = 0; j < column.Length; j++) { column[j] = rows[eligible[j]][feature]; }
            return column;
        }

        private void Match(List<CustomerHistory> block, double[][] numbers, string?[][] categories, List<int> eligible,
            double[,]? probabilities, long[,] lastFired, int k, long at, Tally tally)
        {
            var offsets = probabilities?.GetLength(1) ?? 0;
            foreach (var i in eligible)
            {
                var p = probabilities is null ? double.NaN : probabilities[i, k];
                var facts = new RuleFacts(block[i].CustomerId, numbers[i], categories[i])
                {
                    ChurnProbability = p,
                    ChurnProbabilityChange1d = k + 1 < offsets ? p - probabilities![i, k + 1] : double.NaN,
                    ChurnProbabilityChange7d = k + 7 < offsets ? p - probabilities![i, k + 7] : double.NaN,
                    Customer = block[i].Customer,
                };
                tally.Evaluations++;
                for (var r = 0; r < rules.Rules.Count; r++)
                {
                    var rule = rules.Rules[r];
                    if (!rule.Matches(facts))
                    {
                        continue;
                    }

                    tally.Matches[r][k]++;
                    var cooldown = (long)(rule.Definition.CooldownDays * Millis.Day);
                    if (lastFired[i, r] == long.MinValue || at - lastFired[i, r] >= cooldown)
                    {
                        lastFired[i, r] = at;
                        tally.Fired[r][k]++;
                    }

                    if (k == 0)
                    {
                        tally.HitsNow[r].Add((block[i].CustomerId, p));
                    }
                }
            }
        }
    }
}

using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Modeling;

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

        public long Explained { get; set; }

        public static Tally Merge(IReadOnlyList<Tally> parts, int rules, int days)
        {
            var total = new Tally(rules, days);
            foreach (var part in parts)
            {
                total.Evaluations += part.Evaluations;
                total.Explained += part.Explained;
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
    private sealed class Plan(FeatureCatalog catalog, RuleSet rules, DateTimeOffset[] instants, DryRunModel? model, int lookBack,
        IReadOnlyCollection<string> reasonGroups)
    {
        private readonly int _running = catalog.IndexOf(EligibilityFeatures[0]);
        private readonly int _recentOrders = catalog.IndexOf(EligibilityFeatures[1]);

        public Tally Consume(IEnumerable<CustomerHistory> histories)
        {
            var tally = new Tally(rules.Rules.Count, instants.Length);
            // One probe per call: its row explainer holds scratch buffers, and partitions are consumed in parallel.
            var probe = TopReasonProbe.For(rules, model, reasonGroups);
            var block = new List<CustomerHistory>(BlockSize);
            foreach (var history in histories)
            {
                block.Add(history);
                if (block.Count == BlockSize)
                {
                    Evaluate(block, tally, probe);
                    block.Clear();
                }
            }

            if (block.Count > 0)
            {
                Evaluate(block, tally, probe);
            }

            return tally;
        }

        private void Evaluate(List<CustomerHistory> block, Tally tally, TopReasonProbe? probe)
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
            var rowOf = new int[n];
            DesignMatrix? encoded = null;
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
                    encoded = Predict(numbers, categories, eligible, probabilities, k, rowOf);
                }

                if (k < instants.Length)
                {
                    var day = new DayRows(numbers, categories, eligible, encoded, rowOf, instants[k]);
                    Match(block, day, probabilities, lastFired, k, at, tally, probe);
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

        /// <summary>Predicts the eligible rows of day <paramref name="k"/>; returns their encoding, row j being customer <c>eligible[j]</c> (<paramref name="rowOf"/> maps back).</summary>
        private DesignMatrix? Predict(double[][] numbers, string?[][] categories, List<int> eligible, double[,] probabilities, int k, int[] rowOf)
        {
            for (var i = 0; i < probabilities.GetLength(0); i++) { probabilities[i, k] = double.NaN; }
            if (eligible.Count == 0)
            {
                return null;
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
                rowOf[eligible[j]] = j;
            }

            return x;
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

        private void Match(List<CustomerHistory> block, DayRows day, double[,]? probabilities, long[,] lastFired, int k, long at, Tally tally,
            TopReasonProbe? probe)
        {
            var offsets = probabilities?.GetLength(1) ?? 0;
            foreach (var i in day.Eligible)
            {
                var p = probabilities is null ? double.NaN : probabilities[i, k];
                var facts = new RuleFacts(block[i].CustomerId, day.Numbers[i], day.Categories[i])
                {
                    ChurnProbability = p,
                    ChurnProbabilityChange1d = k + 1 < offsets ? p - probabilities![i, k + 1] : double.NaN,
                    ChurnProbabilityChange7d = k + 7 < offsets ? p - probabilities![i, k + 7] : double.NaN,
                    Customer = block[i].Customer,
                };
                tally.Evaluations++;
                var topKnown = probe is null || !probe.Explains(p);
                for (var r = 0; r < rules.Rules.Count; r++)
                {
                    var rule = rules.Rules[r];
                    var decided = rule.UsesTopReason && !topKnown ? probe!.Decide(rule, facts) : (bool?)rule.Matches(facts);
                    if (decided is null)
                    {
                        // The outcome hangs on the top reason: explain this customer-day once, as the live scorer would.
                        facts = facts with { TopReason = probe!.Top(day, i, catalog) };
                        topKnown = true;
                        tally.Explained++;
                        decided = rule.Matches(facts);
                    }

                    if (decided != true)
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

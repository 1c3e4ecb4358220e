using Kizuki.Features.Batch;
using Kizuki.Features.History;

namespace Kizuki.Features.Labels;

internal sealed partial class TrainingSetBuilder
{
    /// <summary>Turns the rows gathered per part and cutoff into columns, ordered by cutoff and then customer id.</summary>
    private TrainingSet Assemble(long[] times, IReadOnlyList<CutoffRows[]> parts)
    {
        var total = parts.Sum(p => p.Sum(r => r.Count));
        var ids = new string[total];
        var cutoffColumn = new long[total];
        var labels = new byte[total];
        var churnedAt = new long[total];
        var numbers = new double[]?[_catalog.Count];
        var categories = new string?[]?[_catalog.Count];
        foreach (var f in _numeric)
        {
            numbers[f] = new double[total];
        }

        foreach (var f in _categorical)
        {
            categories[f] = new string?[total];
        }

        var counts = new CutoffCounts[times.Length];
        var at = 0;
        for (var c = 0; c < times.Length; c++)
        {
            var churned = 0;
            var first = at;
            var cutoffParts = parts.Select(p => p[c]).ToArray();
            foreach (var (part, r) in OrderById(cutoffParts))
            {
                ids[at] = part.Ids[r];
                cutoffColumn[at] = times[c];
                labels[at] = part.Labels[r];
                churnedAt[at] = part.ChurnedAt[r];
                churned += part.Labels[r];
                for (var j = 0; j < _numeric.Length; j++)
                {
                    numbers[_numeric[j]]![at] = part.Number(r, j);
                }

                for (var j = 0; j < _categorical.Length; j++)
                {
                    categories[_categorical[j]]![at] = part.Category(r, j);
                }

                at++;
            }

            counts[c] = new CutoffCounts(times[c], at - first, churned);
            foreach (var part in cutoffParts)
            {
                part.Release();
            }
        }

        return new TrainingSet(_catalog, _labels.Definition, counts, ids, cutoffColumn, labels, churnedAt, numbers, categories);
    }

    /// <summary>The rows of one cutoff across parts, ordered by customer id in the stores' order (kept as they come when they already are).</summary>
    private static List<(CutoffRows Part, int Row)> OrderById(CutoffRows[] parts)
    {
        var order = new List<(CutoffRows Part, int Row)>(parts.Sum(p => p.Count));
        foreach (var part in parts)
        {
            for (var r = 0; r < part.Count; r++)
            {
                order.Add((part, r));
            }
        }

        for (var i = 1; i < order.Count; i++)
        {
            if (CustomerIdOrder.Compare(order[i - 1].Part.Ids[order[i - 1].Row], order[i].Part.Ids[order[i].Row]) > 0)
            {
                var position = order.Select((x, k) => (x, k)).ToList();
                position.Sort((a, b) => CustomerIdOrder.Compare(a.x.Part.Ids[a.x.Row], b.x.Part.Ids[b.x.Row]) is var cmp and not 0
                    ? cmp
                    : a.k.CompareTo(b.k));
                return [.. position.Select(p => p.x)];
            }
        }

        return order;
    }

    /// <summary>The rows of one cutoff from one part, in arrival order, with their features packed row by row.</summary>
    /// <remarks>Rows are kept in fixed blocks (no copying as they grow) and released once assembled, to bound peak memory.</remarks>
    private sealed class CutoffRows(int numericWidth, int categoricalWidth)
    {
        private const int BlockRows = 512;
        private readonly List<double[]> _numbers = [];
        private readonly List<string?[]> _categories = [];

        public List<string> Ids { get; } = [];

        public List<byte> Labels { get; } = [];

        public List<long> ChurnedAt { get; } = [];

        public int Count => Ids.Count;

        public void Add(string id, ChurnLabel label, double[] numbers, string?[] categories, int[] numeric, int[] categorical)
        {
            var row = Count;
            if (row % BlockRows == 0)
            {
                _numbers.Add(new double[BlockRows * numericWidth]);
                _categories.Add(new string?[BlockRows * categoricalWidth]);
            }

            var numberBlock = _numbers[^1];
            var categoryBlock = _categories[^1];
            var at = row % BlockRows;
            for (var j = 0; j < numeric.Length; j++)
            {
                numberBlock[(at * numericWidth) + j] = numbers[numeric[j]];
            }

            for (var j = 0; j < categorical.Length; j++)
            {
                categoryBlock[(at * categoricalWidth) + j] = categories[categorical[j]];
            }

            Ids.Add(id);
            Labels.Add((byte)label.Value);
            ChurnedAt.Add(label.ChurnedAt ?? Millis.Never);
        }

        public double Number(int row, int column) => _numbers[row / BlockRows][((row % BlockRows) * numericWidth) + column];

        public string? Category(int row, int column) => _categories[row / BlockRows][((row % BlockRows) * categoricalWidth) + column];

        /// <summary>Lets the packed features go once they are in the columns.</summary>
        public void Release()
        {
            _numbers.Clear();
            _categories.Clear();
        }
    }
}

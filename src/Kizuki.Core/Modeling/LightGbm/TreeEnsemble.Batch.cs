namespace Kizuki.Modeling.LightGbm;

/// <summary>Many rows at once: blocks of rows, spread over the cores when there is enough work.</summary>
/// <remarks>
/// Work is cut into fixed blocks of consecutive rows and each block is computed start to finish by one thread, so
/// every row's result is the same whichever thread computes it and however many there are.
/// </remarks>
internal sealed partial class TreeEnsemble
{
    /// <summary>Rows per block of batch scoring: each tree is walked for all of them while it is in cache.</summary>
    private const int ScoreBlockRows = 32;

    /// <summary>Rows per block of batch TreeSHAP.</summary>
    private const int ShapBlockRows = 64;

    /// <summary>Below this many tree walks a batch is scored on the calling thread (starting threads costs more).</summary>
    private const long ParallelWork = 200_000;

    /// <summary>Raw scores of the first <c>output.Length</c> rows of the row-major <paramref name="values"/>.</summary>
    internal void PredictRaw(double[] values, Span<double> output)
    {
        var rows = output.Length;
        var blocks = (rows + ScoreBlockRows - 1) / ScoreBlockRows;
        if ((long)rows * roots.Length < ParallelWork || blocks < 2 || Environment.ProcessorCount < 2)
        {
            for (var block = 0; block < blocks; block++)
            {
                var (start, count) = Block(block, ScoreBlockRows, rows);
                PredictRawBlock(values.AsSpan(start * FeatureCount, count * FeatureCount), output.Slice(start, count));
            }

            return;
        }

        var result = new double[rows];
        Parallel.For(0, blocks, block =>
        {
            var (start, count) = Block(block, ScoreBlockRows, rows);
            PredictRawBlock(values.AsSpan(start * FeatureCount, count * FeatureCount), result.AsSpan(start, count));
        });
        result.CopyTo(output);
    }

    /// <summary>TreeSHAP contributions of every row, row-major with <c>FeatureCount + 1</c> values per row.</summary>
    internal void Contributions(double[] values, double[] output)
    {
        var shap = Shap;
        var rows = values.Length / FeatureCount;
        var width = FeatureCount + 1;
        var blocks = (rows + ShapBlockRows - 1) / ShapBlockRows;
        void Run(int block)
        {
            var masks = shap.MaxTreeSize <= StackScratchLimit ? stackalloc ulong[shap.MaxTreeSize] : new ulong[shap.MaxTreeSize];
            Span<double> polynomial = stackalloc double[shap.MaxDepth + 2];
            var (start, count) = Block(block, ShapBlockRows, rows);
            Explain(shap, values.AsSpan(start * FeatureCount, count * FeatureCount), output.AsSpan(start * width, count * width), masks, polynomial);
        }

        if (blocks < 2 || Environment.ProcessorCount < 2)
        {
            for (var block = 0; block < blocks; block++)
            {
                Run(block);
            }

            return;
        }

        Parallel.For(0, blocks, Run);
    }

    private static (int Start, int Count) Block(int block, int size, int rows)
    {
        var start = block * size;
        return (start, Math.Min(size, rows - start));
    }
}

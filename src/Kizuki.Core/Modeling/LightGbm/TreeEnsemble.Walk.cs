using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Scoring: each tree walked a fixed number of steps, with no branch that depends on the data.</summary>
/// <remarks>
/// <para>
/// A walk that stops at its leaf mispredicts about every other split and once more at the end, and each step waits
/// for the one before. Here every leaf is a node whose two children are itself, so walking a tree is exactly its
/// depth in steps whatever the row, the child is picked by index (<c>Left</c> or the field after it), and the
/// processor overlaps the walks of several rows (or of several trees for one row). The common split is decided by
/// one comparison plus LightGBM's NaN direction; the rare slow splits (categorical, zero-as-missing, zero-band
/// threshold) still take <see cref="SlowNext"/>, so every decision is LightGBM's.
/// </para>
/// <para>Leaf values are added tree by tree in tree order, so scores are bit-identical to LightGBM's.</para>
/// </remarks>
internal sealed partial class TreeEnsemble
{
    private const int StepSlow = 1;
    private const int StepNaNRight = 2;

    private readonly WalkLayout walk;

    /// <summary>The raw score of one row: the sum of every tree's leaf value, in tree order.</summary>
    internal double PredictRaw(ReadOnlySpan<double> row)
    {
        if (quick is { } layout)
        {
            var alive = roots.Length <= QuickStackTrees ? stackalloc ulong[roots.Length] : new ulong[roots.Length];
            return QuickRaw(layout, ref MemoryMarshal.GetReference(row), alive);
        }

        return PredictRawByWalk(row);
    }

    /// <summary>The raw score of one row by the fixed-depth walk (the path when QuickScorer's layout does not apply).</summary>
    internal double PredictRawByWalk(ReadOnlySpan<double> row)
    {
        ref var first = ref MemoryMarshal.GetReference(row);
        ref var steps = ref MemoryMarshal.GetArrayDataReference(walk.Steps);
        ref var value = ref MemoryMarshal.GetArrayDataReference(walk.Values);
        var walkRoots = walk.Roots;
        var walkDepths = walk.Depths;
        var sum = 0.0;
        var t = 0;

        // Four trees at a time, in lockstep to the deepest of them (a leaf steps to itself), added in tree order.
        for (; t + 4 <= walkRoots.Length; t += 4)
        {
            int node0 = walkRoots[t], node1 = walkRoots[t + 1], node2 = walkRoots[t + 2], node3 = walkRoots[t + 3];
            var depth = Math.Max(Math.Max(walkDepths[t], walkDepths[t + 1]), Math.Max(walkDepths[t + 2], walkDepths[t + 3]));
            for (var s = depth; s > 0; s--)
            {
                node0 = Step(ref steps, node0, ref first);
                node1 = Step(ref steps, node1, ref first);
                node2 = Step(ref steps, node2, ref first);
                node3 = Step(ref steps, node3, ref first);
            }

            sum += Unsafe.Add(ref value, node0);
            sum += Unsafe.Add(ref value, node1);
            sum += Unsafe.Add(ref value, node2);
            sum += Unsafe.Add(ref value, node3);
        }

        for (; t < walkRoots.Length; t++)
        {
            var node = walkRoots[t];
            for (var s = walkDepths[t]; s > 0; s--)
            {
                node = Step(ref steps, node, ref first);
            }

            sum += Unsafe.Add(ref value, node);
        }

        return sum;
    }

    /// <summary>Raw scores of consecutive rows: QuickScorer when its layout applies, else the walk.</summary>
    /// <param name="values">Row-major values of the rows.</param>
    /// <param name="output">One score per row.</param>
    internal void PredictRawBlock(ReadOnlySpan<double> values, Span<double> output)
    {
        if (quick is { } layout)
        {
            QuickRawBlock(layout, values, output);
            return;
        }

        PredictRawBlockByWalk(values, output);
    }

    /// <summary>Raw scores of consecutive rows by the fixed-depth walk, tree by tree over the block.</summary>
    internal void PredictRawBlockByWalk(ReadOnlySpan<double> values, Span<double> output)
    {
        var rows = output.Length;
        var width = FeatureCount;
        output.Clear();
        ref var data = ref MemoryMarshal.GetReference(values);
        ref var result = ref MemoryMarshal.GetReference(output);
        var walkRoots = walk.Roots;
        var walkDepths = walk.Depths;
        for (var t = 0; t < walkRoots.Length; t++)
        {
            if (walk.Slow[t])
            {
                WalkTree(walkRoots[t], walkDepths[t], ref data, width, rows, ref result);
            }
            else
            {
                WalkFastTree(walkRoots[t], walkDepths[t], ref data, width, rows, ref result);
            }
        }
    }

    /// <summary>Adds one tree's leaf values to the rows' sums, four rows in lockstep; the tree has slow splits.</summary>
    private void WalkTree(int root, int depth, ref double data, int width, int rows, ref double result)
    {
        ref var steps = ref MemoryMarshal.GetArrayDataReference(walk.Steps);
        ref var value = ref MemoryMarshal.GetArrayDataReference(walk.Values);
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref var row0 = ref Unsafe.Add(ref data, r * width);
            ref var row1 = ref Unsafe.Add(ref row0, width);
            ref var row2 = ref Unsafe.Add(ref row1, width);
            ref var row3 = ref Unsafe.Add(ref row2, width);
            int node0 = root, node1 = root, node2 = root, node3 = root;
            for (var s = depth; s > 0; s--)
            {
                node0 = Step(ref steps, node0, ref row0);
                node1 = Step(ref steps, node1, ref row1);
                node2 = Step(ref steps, node2, ref row2);
                node3 = Step(ref steps, node3, ref row3);
            }

            Unsafe.Add(ref result, r) += Unsafe.Add(ref value, node0);
            Unsafe.Add(ref result, r + 1) += Unsafe.Add(ref value, node1);
            Unsafe.Add(ref result, r + 2) += Unsafe.Add(ref value, node2);
            Unsafe.Add(ref result, r + 3) += Unsafe.Add(ref value, node3);
        }

        for (; r < rows; r++)
        {
            ref var row = ref Unsafe.Add(ref data, r * width);
            var node = root;
            for (var s = depth; s > 0; s--)
            {
                node = Step(ref steps, node, ref row);
            }

            Unsafe.Add(ref result, r) += Unsafe.Add(ref value, node);
        }
    }

    /// <summary>Adds one tree's leaf values to the rows' sums, four rows in lockstep; every split of the tree is a fast one, so nothing is called.</summary>
    private void WalkFastTree(int root, int depth, ref double data, int width, int rows, ref double result)
    {
        ref var steps = ref MemoryMarshal.GetArrayDataReference(walk.Steps);
        ref var value = ref MemoryMarshal.GetArrayDataReference(walk.Values);
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref var row0 = ref Unsafe.Add(ref data, r * width);
            ref var row1 = ref Unsafe.Add(ref row0, width);
            ref var row2 = ref Unsafe.Add(ref row1, width);
            ref var row3 = ref Unsafe.Add(ref row2, width);
            int node0 = root, node1 = root, node2 = root, node3 = root;
            for (var s = depth; s > 0; s--)
            {
                node0 = FastStep(ref steps, node0, ref row0);
                node1 = FastStep(ref steps, node1, ref row1);
                node2 = FastStep(ref steps, node2, ref row2);
                node3 = FastStep(ref steps, node3, ref row3);
            }

            Unsafe.Add(ref result, r) += Unsafe.Add(ref value, node0);
            Unsafe.Add(ref result, r + 1) += Unsafe.Add(ref value, node1);
            Unsafe.Add(ref result, r + 2) += Unsafe.Add(ref value, node2);
            Unsafe.Add(ref result, r + 3) += Unsafe.Add(ref value, node3);
        }

        for (; r < rows; r++)
        {
            ref var row = ref Unsafe.Add(ref data, r * width);
            var node = root;
            for (var s = depth; s > 0; s--)
            {
                node = FastStep(ref steps, node, ref row);
            }

            Unsafe.Add(ref result, r) += Unsafe.Add(ref value, node);
        }
    }

    /// <summary>A step at a fast split (or a leaf): one comparison and LightGBM's NaN direction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FastStep(ref WalkStep steps, int node, ref double row)
    {
        ref readonly var step = ref Unsafe.Add(ref steps, node);
        var value = Unsafe.Add(ref row, step.Feature);
        var right = (value > step.Threshold ? 1 : 0) | ((double.IsNaN(value) ? 1 : 0) & (step.Flags >> 1));
        return Unsafe.Add(ref Unsafe.AsRef(in step.Left), right);
    }

    /// <summary>One step of a walk: the child of <paramref name="node"/> for the row (a leaf's child is itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(ref WalkStep steps, int node, ref double row)
    {
        ref readonly var step = ref Unsafe.Add(ref steps, node);
        return Unsafe.Add(ref Unsafe.AsRef(in step.Left), GoesRight(in step, node, Unsafe.Add(ref row, step.Feature)));
    }

    /// <summary>1 when a row with <paramref name="value"/> goes right at <paramref name="node"/>, else 0; a fast split decides without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int GoesRight(in WalkStep step, int node, double value)
    {
        if ((step.Flags & StepSlow) != 0)
        {
            return SlowRight(node, value);
        }

        return (value > step.Threshold ? 1 : 0) | ((double.IsNaN(value) ? 1 : 0) & (step.Flags >> 1));
    }

    /// <summary>1 when the row goes right at slow split <paramref name="node"/>, by LightGBM's exact rules.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SlowRight(int node, double value) => SlowNext(node, value) == nodes[node].Left ? 0 : 1;

    /// <summary>Lays the trees out for <see cref="Step"/>: internal nodes keep their index, leaf l becomes node <c>nodes.Length + l</c>.</summary>
    private static WalkLayout BuildWalk(TreeNode[] nodes, double[] leafValues, int[] roots, int[] nodeStart)
    {
        var internalCount = nodes.Length;
        var steps = new WalkStep[internalCount + leafValues.Length];
        var values = new double[steps.Length];
        var depth = new int[steps.Length];
        var walkRoots = new int[roots.Length];
        var walkDepths = new int[roots.Length];
        var slow = new bool[roots.Length];
        int Index(int child) => child >= 0 ? child : internalCount + ~child;
        for (var leaf = 0; leaf < leafValues.Length; leaf++)
        {
            var self = internalCount + leaf;
            steps[self] = new WalkStep(0, 0, 0, self, self);
            values[self] = leafValues[leaf];
        }

        for (var t = 0; t < roots.Length; t++)
        {
            walkRoots[t] = Index(roots[t]);

            // Children are numbered after their parents, so one forward pass gives every depth.
            for (var node = nodeStart[t]; node < nodeStart[t + 1]; node++)
            {
                var split = nodes[node];
                var flags = (split.Flags & TreeNode.Slow) != 0 ? StepSlow : (split.Flags & TreeNode.NaNLeft) != 0 ? 0 : StepNaNRight;
                var left = Index(split.Left);
                var right = Index(split.Right);
                steps[node] = new WalkStep(split.Threshold, split.Feature, flags, left, right);
                slow[t] |= flags == StepSlow;
                depth[left] = depth[right] = depth[node] + 1;
                walkDepths[t] = Math.Max(walkDepths[t], depth[node] + 1);
            }
        }

        return new WalkLayout(steps, values, walkRoots, walkDepths, slow);
    }

    /// <summary>The walk layout: steps and values (leaf values at leaf nodes), each tree's root, depth and whether it has slow splits.</summary>
    private sealed record WalkLayout(WalkStep[] Steps, double[] Values, int[] Roots, int[] Depths, bool[] Slow);

    /// <summary>One node of the walk in 24 bytes; <c>Right</c> must follow <c>Left</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct WalkStep(double threshold, int feature, int flags, int left, int right)
    {
        public readonly double Threshold = threshold;
        public readonly int Feature = feature;
        public readonly int Flags = flags;
        public readonly int Left = left;
        public readonly int Right = right;
    }
}

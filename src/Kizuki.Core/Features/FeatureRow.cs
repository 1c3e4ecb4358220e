namespace Kizuki.Features;

/// <summary>Where one feature group writes its values: a window onto a customer's row of the whole catalog.</summary>
public readonly struct FeatureRow
{
    private readonly double[] _numbers;
    private readonly string?[] _categories;
    private readonly int _offset;

    /// <summary>A row over the given buffers, starting at <paramref name="offset"/>.</summary>
    public FeatureRow(double[] numbers, string?[] categories, int offset)
    {
        _numbers = numbers;
        _categories = categories;
        _offset = offset;
    }

    /// <summary>Sets numeric feature <paramref name="index"/> of the group.</summary>
    public void Set(int index, double value) => _numbers[_offset + index] = value;

    /// <summary>Sets categorical feature <paramref name="index"/> of the group (null = unknown).</summary>
    public void SetCategory(int index, string? value) => _categories[_offset + index] = value;

    /// <summary>The same buffers, from another offset.</summary>
    internal FeatureRow At(int offset) => new(_numbers, _categories, offset);
}

namespace Kizuki.Modeling.Linear;

/// <summary>How one input column becomes terms of the expanded (standardised, one-hot) space.</summary>
/// <param name="Mean">Numeric: the training mean over non-missing values; 0 for a categorical column.</param>
/// <param name="Scale">Numeric: the training standard deviation (population), 1 when it is zero; 1 for a categorical column.</param>
/// <param name="ValueOffset">Numeric: the expanded index of the standardised value; −1 for a categorical column.</param>
/// <param name="MissingOffset">Numeric: the expanded index of the missing indicator, −1 when training had no missing value.</param>
/// <param name="CategoryOffsets">Categorical: the expanded index of each code's indicator, −1 for a code too rare to keep; null for numeric.</param>
internal sealed record LinearColumnPlan(double Mean, double Scale, int ValueOffset, int MissingOffset, int[]? CategoryOffsets)
{
    /// <summary>Whether the column is one-hot encoded.</summary>
    public bool IsCategorical => CategoryOffsets is not null;

    /// <summary>The expanded index of a categorical value, or −1 when the value is missing, unseen or too rare.</summary>
    public int CategoryOffset(double value)
    {
        var offsets = CategoryOffsets!;
        if (!(value >= 0 && value < offsets.Length))
        {
            return -1;
        }

        var code = (int)value;
        return code == value ? offsets[code] : -1;
    }
}

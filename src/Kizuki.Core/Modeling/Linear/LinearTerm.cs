namespace Kizuki.Modeling.Linear;

/// <summary>What an expanded term of a linear model measures.</summary>
internal enum LinearTermKind
{
    /// <summary>A numeric column, standardised: (value − mean) / scale.</summary>
    StandardisedValue,

    /// <summary>1 when a numeric column is missing.</summary>
    MissingIndicator,

    /// <summary>1 when a categorical column holds this category.</summary>
    Category,
}

/// <summary>One coefficient of a logistic regression, in the expanded space.</summary>
/// <param name="ColumnIndex">The input column it belongs to.</param>
/// <param name="Column">That column's name.</param>
/// <param name="Kind">What the term measures.</param>
/// <param name="Category">The category name for a <see cref="LinearTermKind.Category"/> term, else null.</param>
/// <param name="Weight">The coefficient (log-odds per unit of the term; per standard deviation for a standardised value).</param>
/// <param name="Reference">The term's mean over the training rows: the reference point of contributions.</param>
/// <param name="Scale">For a standardised value, the training standard deviation (so <c>Weight / Scale</c> is per raw unit); else 1.</param>
internal sealed record LinearTerm(int ColumnIndex, string Column, LinearTermKind Kind, string? Category, double Weight, double Reference, double Scale);

namespace Kizuki.Features.Builtin;

/// <summary>Short-hands for writing feature definitions.</summary>
internal static class FeatureText
{
    /// <summary>A numeric feature.</summary>
    public static FeatureDefinition Number(string name, BusinessField field, string labelJa, string labelEn, string definitionJa, string definitionEn) =>
        new(name, labelJa, labelEn, field, FeatureKind.Numeric, definitionJa, definitionEn);

    /// <summary>A categorical feature.</summary>
    public static FeatureDefinition Category(string name, BusinessField field, string labelJa, string labelEn, string definitionJa, string definitionEn) =>
        new(name, labelJa, labelEn, field, FeatureKind.Categorical, definitionJa, definitionEn);
}

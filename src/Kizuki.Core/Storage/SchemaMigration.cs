namespace Kizuki.Storage;

/// <summary>One step of a store's schema history.</summary>
/// <remarks>
/// Migrations are frozen once released: a change to the schema is a new migration with the next version,
/// never an edit of an old one, so every database reaches the same schema by the same steps.
/// </remarks>
/// <param name="Version">Version the schema is at after this step; versions start at 1 and have no gaps.</param>
/// <param name="Description">What the step does, for people reading the history.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);

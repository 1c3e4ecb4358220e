using System.Text.Json;

namespace Kizuki.Ingest;

/// <summary>Reads a mapping file: a JSON object from Kizuki field name to the file's column name.</summary>
/// <example><c>{"customer_id": "顧客ID", "ordered_at": "購入日", "amount": "金額"}</c></example>
internal static class ColumnMapping
{
    /// <summary>Reads the mapping at <paramref name="path"/> into field index → column name; problems go to <paramref name="errors"/>.</summary>
    public static Dictionary<int, string> Load(string? path, EntitySchema schema, List<ImportError> errors)
    {
        var mapping = new Dictionary<int, string>();
        if (path is null)
        {
            return mapping;
        }

        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add(new ImportError(ImportErrorCodes.FileMissing, name, 0, null, null, path, null));
            return mapping;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            errors.Add(new ImportError(ImportErrorCodes.MappingInvalid, name, 0, null, null, null,
                $"line {(e.LineNumber ?? 0) + 1}: {e.Message}"));
            return mapping;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ImportError(ImportErrorCodes.MappingInvalid, name, 0, null, null, null,
                    "{\"customer_id\": \"顧客ID\", ...}"));
                return mapping;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = schema.IndexOf(property.Name.Trim());
                if (field < 0)
                {
                    errors.Add(new ImportError(ImportErrorCodes.MappingUnknownField, name, 0, null, null, property.Name,
                        string.Join(", ", schema.Fields.Select(f => f.Name))));
                }
                else if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    errors.Add(new ImportError(ImportErrorCodes.MappingInvalid, name, 0, null, null, property.Name,
                        "{\"customer_id\": \"顧客ID\", ...}"));
                }
                else
                {
                    mapping[field] = property.Value.GetString()!;
                }
            }
        }

        return mapping;
    }
}

namespace Kizuki.Ingest;

/// <summary>Which column of a file holds each field of an entity's import format.</summary>
/// <remarks>
/// Columns named in a mapping file are bound first. The remaining fields are matched against the remaining
/// headers by <see cref="TextNormalizer.HeaderKey"/>: first every field's own name and Japanese label, then the
/// aliases, so that an alias of one field never takes the column named exactly for another.
/// </remarks>
internal sealed class ColumnBinding
{
    private readonly int[] _fieldColumn;
    private readonly List<bool> _claimed = [];
    private readonly Dictionary<int, string> _mapped;

    private ColumnBinding(EntitySchema schema, Dictionary<int, string> mapped)
    {
        Schema = schema;
        _mapped = mapped;
        _fieldColumn = new int[schema.Fields.Count];
        Array.Fill(_fieldColumn, -1);
    }

    /// <summary>The entity's fields.</summary>
    public EntitySchema Schema { get; }

    /// <summary>The column position (from 0) of a field, or -1 when the file has none.</summary>
    public int ColumnOf(int field) => _fieldColumn[field];

    /// <summary>Whether the file has a column for the field.</summary>
    public bool IsBound(int field) => _fieldColumn[field] >= 0;

    /// <summary>Whether a column holds one of the fields (as opposed to an extra column).</summary>
    public bool IsClaimed(int column) => column < _claimed.Count && _claimed[column];

    /// <summary>
    /// Binds the columns of a file; adds an error for each mapped column the file lacks and
    /// for each required field without a column.
    /// </summary>
    public static ColumnBinding Create(
        EntitySchema schema,
        IReadOnlyList<string> columns,
        Dictionary<int, string> mapping,
        string fileName,
        List<ImportError> errors)
    {
        var binding = new ColumnBinding(schema, mapping);
        var found = string.Join(", ", columns);
        foreach (var (field, column) in mapping)
        {
            var index = Find(columns, column, binding._claimed);
            if (index < 0)
            {
                errors.Add(new ImportError(ImportErrorCodes.MappingColumnMissing, fileName, 0, null, null, column,
                    $"{schema.Fields[field].Name}; {found}"));
            }
            else
            {
                binding.Claim(field, index, columns.Count);
            }
        }

        binding.Extend(columns);
        foreach (var field in schema.Fields.Where(f => f.Required))
        {
            var index = schema.IndexOf(field.Name);
            if (!binding.IsBound(index) && !mapping.ContainsKey(index))
            {
                errors.Add(new ImportError(ImportErrorCodes.RequiredColumnMissing, fileName, 0, null, null, found, field.Display));
            }
        }

        return binding;
    }

    /// <summary>Binds fields still without a column to columns that appeared since (JSON lines add keys as they go).</summary>
    public void Extend(IReadOnlyList<string> columns)
    {
        if (columns.Count == _claimed.Count && _claimed.Count > 0)
        {
            return;
        }

        while (_claimed.Count < columns.Count)
        {
            _claimed.Add(false);
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var field = 0; field < _fieldColumn.Length; field++)
            {
                if (_fieldColumn[field] >= 0 || _mapped.ContainsKey(field))
                {
                    continue;
                }

                var spec = Schema.Fields[field];
                string[] candidates = pass == 0 ? [spec.Name, spec.Label] : spec.Aliases;
                foreach (var candidate in candidates)
                {
                    var index = Find(columns, candidate, _claimed);
                    if (index >= 0)
                    {
                        Claim(field, index, columns.Count);
                        break;
                    }
                }
            }
        }
    }

    private void Claim(int field, int column, int columnCount)
    {
        while (_claimed.Count < columnCount)
        {
            _claimed.Add(false);
        }

        _fieldColumn[field] = column;
        _claimed[column] = true;
    }

    private static int Find(IReadOnlyList<string> columns, string wanted, List<bool> claimed)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if ((i >= claimed.Count || !claimed[i]) && string.Equals(columns[i].Trim(), wanted.Trim(), StringComparison.Ordinal))
            {
                return i;
            }
        }

        var key = TextNormalizer.HeaderKey(wanted);
        for (var i = 0; i < columns.Count; i++)
        {
            if ((i >= claimed.Count || !claimed[i]) && TextNormalizer.HeaderKey(columns[i]) == key)
            {
                return i;
            }
        }

        return -1;
    }
}

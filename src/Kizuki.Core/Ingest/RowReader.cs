using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>Reads the fields of the current row, collecting every problem found instead of stopping at the first.</summary>
/// <remarks>One instance is reused for every row of a file, so reading a row allocates only what the row's values need.</remarks>
internal sealed class RowReader
{
    /// <summary>Longest id accepted; longer values are usually a wrong column.</summary>
    public const int MaxIdLength = 128;

    private readonly ColumnBinding _binding;
    private readonly IReadOnlyList<string> _columns;
    private readonly string _fileName;
    private readonly TimeZoneInfo _zone;
    private readonly string _defaultCurrency;
    private string?[] _values = [];

    public RowReader(ColumnBinding binding, IReadOnlyList<string> columns, string fileName, TimeZoneInfo zone, string defaultCurrency)
    {
        _binding = binding;
        _columns = columns;
        _fileName = fileName;
        _zone = zone;
        _defaultCurrency = defaultCurrency;
    }

    /// <summary>Problems found in the current row.</summary>
    public List<ImportError> Errors { get; } = [];

    /// <summary>Line where the current row starts.</summary>
    public long Line { get; private set; }

    /// <summary>The current row's raw values.</summary>
    public IReadOnlyList<string?> Values => _values;

    /// <summary>The binding of fields to columns.</summary>
    public ColumnBinding Binding => _binding;

    /// <summary>Moves to a new row.</summary>
    public void Start(in RawRecord record)
    {
        _values = record.Values;
        Line = record.Line;
        Errors.Clear();
    }

    /// <summary>The trimmed value of a field; null when blank or when the file has no such column.</summary>
    public string? Text(int field)
    {
        var column = _binding.ColumnOf(field);
        if (column < 0 || column >= _values.Length)
        {
            return null;
        }

        var value = _values[column];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A text value that must be present.</summary>
    public string? Required(int field)
    {
        var text = Text(field);
        if (text is null)
        {
            Fail(field, ImportErrorCodes.MissingValue, null, _binding.Schema.Fields[field].Display);
        }

        return text;
    }

    /// <summary>An id: at most <see cref="MaxIdLength"/> characters, no control characters.</summary>
    public string? Id(int field, bool required = true)
    {
        var text = required ? Required(field) : Text(field);
        if (text is not null && (text.Length > MaxIdLength || text.Any(char.IsControl)))
        {
            Fail(field, ImportErrorCodes.BadId, text, MaxIdLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        return text;
    }

    /// <summary>A date or date-time, converted to UTC.</summary>
    public DateTimeOffset? Date(int field, bool required)
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        if (DateParser.TryParse(text, _zone, out var utc))
        {
            return utc;
        }

        Fail(field, ImportErrorCodes.BadDate, text, DateParser.Examples);
        return null;
    }

    /// <summary>A number of at least <paramref name="min"/>.</summary>
    public decimal? Number(int field, decimal min, bool required, string example)
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        if (!NumberParser.TryParse(text, out var value, out _))
        {
            Fail(field, ImportErrorCodes.BadNumber, text, example);
            return null;
        }

        if (value < min)
        {
            Fail(field, ImportErrorCodes.OutOfRange, text, $"≥ {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public int? Integer(int field, int min, int max, bool required)
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        var range = max == int.MaxValue
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"≥ {min}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{min}–{max}");
        if (!NumberParser.TryParseInteger(text, out var value))
        {
            Fail(field, ImportErrorCodes.BadNumber, text, range);
            return null;
        }

        if (value < min || value > max)
        {
            Fail(field, ImportErrorCodes.OutOfRange, text, range);
            return null;
        }

        return (int)value;
    }

    /// <summary>An amount with its currency: the currency column if given, JPY if the amount carries a yen mark, else the default.</summary>
    public Money? Amount(int field, int currencyField, bool required)
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        if (!NumberParser.TryParse(text, out var amount, out var yen))
        {
            Fail(field, ImportErrorCodes.BadNumber, text, "12,800 / ¥12,800 / 12800円");
            return null;
        }

        var currency = Currency(currencyField) ?? (yen ? Money.DefaultCurrency : _defaultCurrency);
        return new Money(amount, currency);
    }

    /// <summary>The row's currency code, or null when the file gives none.</summary>
    public string? Currency(int field)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        var code = TextNormalizer.Narrow(text).ToUpperInvariant();
        if (code is "円" or "¥" or "￥")
        {
            return Money.DefaultCurrency;
        }

        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            Fail(field, ImportErrorCodes.BadCurrency, text, "JPY, USD");
            return null;
        }

        return code;
    }

    /// <summary>A yes/no value; <paramref name="fallback"/> when blank.</summary>
    public bool Boolean(int field, bool fallback)
    {
        var text = Text(field);
        if (text is null)
        {
            return fallback;
        }

        if (Vocabularies.Boolean.TryParse(text, out var value))
        {
            return value;
        }

        Fail(field, ImportErrorCodes.BadBoolean, text, Vocabularies.Boolean.Expected);
        return fallback;
    }

    /// <summary>One of the words of <paramref name="vocabulary"/>.</summary>
    public T? Choice<T>(int field, Vocabulary<T> vocabulary, bool required)
        where T : struct
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        if (vocabulary.TryParse(text, out var value))
        {
            return value;
        }

        Fail(field, ImportErrorCodes.BadEnum, text, vocabulary.Expected);
        return null;
    }

    /// <summary>Records a problem with a field of the current row.</summary>
    public void Fail(int field, string code, string? value, string? detail)
    {
        var column = _binding.ColumnOf(field);
        Errors.Add(column < 0
            ? new ImportError(code, _fileName, Line, null, _binding.Schema.Fields[field].Name, value, detail)
            : new ImportError(code, _fileName, Line, column + 1, _columns[column], value, detail));
    }

    /// <summary>Columns that hold no field, with their non-blank values (custom attributes of customers).</summary>
    public Dictionary<string, string> ExtraColumns()
    {
        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _values.Length && i < _columns.Count; i++)
        {
            var value = _values[i]?.Trim();
            if (!_binding.IsClaimed(i) && !string.IsNullOrEmpty(value) && _columns[i].Length > 0)
            {
                extras[_columns[i]] = value;
            }
        }

        return extras;
    }
}

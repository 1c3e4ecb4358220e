using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Kizuki.Features.Batch;

/// <summary>A prepared SQLite statement read column by column through SQLitePCLRaw, without allocating per row.</summary>
/// <remarks>
/// Text is read in place from SQLite's own memory: a span returned by <see cref="Bytes"/> is valid until the statement steps.
/// Columns are read through the row's <c>sqlite3_value</c> objects, which skips the per-call checks of the
/// <c>sqlite3_column_*</c> functions (about half the cost of reading a column). SQLite keeps a statement's result row
/// in the same place from row to row, so the value pointers are fetched again only when the first column's moved.
/// </remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private readonly IntPtr[] _values;

    /// <summary>Prepares <paramref name="sql"/> on an open database handle.</summary>
    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement), sql);
        _handle = _statement.DangerousGetHandle();
        _values = new IntPtr[Math.Max(1, SqliteNative.ColumnCount(_handle))];
    }

    /// <summary>Whether the last <see cref="Step"/> produced a row.</summary>
    public bool HasRow { get; private set; }

    /// <summary>Binds a text parameter by name (<c>@lo</c>); does nothing when the statement has no such parameter.</summary>
    public void Bind(string name, string? value)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index > 0)
        {
            Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value), name);
        }
    }

    /// <summary>Binds an integer parameter by name; does nothing when the statement has no such parameter.</summary>
    public void Bind(string name, long value)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        if (index > 0)
        {
            Check(raw.sqlite3_bind_int64(_statement, index, value), name);
        }
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Step()
    {
        var rc = SqliteNative.Step(_handle);
        if (rc == raw.SQLITE_ROW)
        {
            if (SqliteNative.ColumnValue(_handle, 0) != _values[0])
            {
                for (var c = 0; c < _values.Length; c++)
                {
                    _values[c] = SqliteNative.ColumnValue(_handle, c);
                }
            }

            return HasRow = true;
        }

        HasRow = false;
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc, "step");
        }

        return false;
    }

    /// <summary>Whether a column of the current row is NULL.</summary>
    public bool IsNull(int column) => SqliteNative.ValueType(_values[column]) == raw.SQLITE_NULL;

    /// <summary>An integer column.</summary>
    public long Int64(int column) => SqliteNative.ValueInt64(_values[column]);

    /// <summary>A real column.</summary>
    public double Double(int column) => SqliteNative.ValueDouble(_values[column]);

    /// <summary>The UTF-8 bytes of a text column (empty for NULL), valid until the statement steps.</summary>
    public unsafe ReadOnlySpan<byte> Bytes(int column)
    {
        // SQLite keeps the column's bytes until the statement steps or the column is read as another type, which is
        // longer than any caller holds the span; reading them in place saves a copy per column per row.
        var value = _values[column];
        var pointer = SqliteNative.ValueBlob(value);
        var length = SqliteNative.ValueBytes(value);
        return length == 0 ? [] : new ReadOnlySpan<byte>((void*)pointer, length);
    }

    /// <summary>A text column as a string.</summary>
    public string Text(int column) => Encoding.UTF8.GetString(Bytes(column));

    /// <summary>A text column as a string, or null.</summary>
    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    /// <summary>
    /// Skips rows of customers that sort before <paramref name="customerId"/> (column 0), and says whether the current
    /// row belongs to <paramref name="customerId"/>.
    /// </summary>
    public bool SeekCustomer(ReadOnlySpan<byte> customerId)
    {
        while (HasRow)
        {
            var current = Bytes(0);
            if (current.SequenceEqual(customerId))
            {
                return true; // the common case, and cheaper to ask than the order
            }

            if (current.SequenceCompareTo(customerId) > 0)
            {
                return false;
            }

            Step();
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(
                $"SQLite error {rc} ({what}): {raw.sqlite3_errmsg(_db).utf8_to_string()}");
        }
    }
}

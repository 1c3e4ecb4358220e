using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Kizuki.Features.Batch;

/// <summary>A prepared SQLite statement read column by column through SQLitePCLRaw, without allocating per row.</summary>
/// <remarks>
/// Text is read in place from SQLite's own memory: a span returned by <see cref="Bytes"/> is valid until the statement steps.
/// </remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;

    /// <summary>Prepares <paramref name="sql"/> on an open database handle.</summary>
    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement), sql);
        _handle = _statement.DangerousGetHandle();
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
    public bool IsNull(int column) => SqliteNative.ColumnType(_handle, column) == raw.SQLITE_NULL;

    /// <summary>An integer column.</summary>
    public long Int64(int column) => SqliteNative.ColumnInt64(_handle, column);

    /// <summary>A real column.</summary>
    public double Double(int column) => SqliteNative.ColumnDouble(_handle, column);

    /// <summary>The UTF-8 bytes of a text column (empty for NULL), valid until the statement steps.</summary>
    public unsafe ReadOnlySpan<byte> Bytes(int column)
    {
        // SQLite keeps the column's bytes until the statement steps or the column is read as another type, which is
        // longer than any caller holds the span; reading them in place saves a copy per column per row.
        var pointer = SqliteNative.ColumnBlob(_handle, column);
        var length = SqliteNative.ColumnBytes(_handle, column);
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
            var order = Bytes(0).SequenceCompareTo(customerId);
            if (order == 0)
            {
                return true;
            }

            if (order > 0)
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

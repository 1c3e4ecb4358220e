using System.Globalization;
using System.Text;

namespace Kizuki.Ingest;

/// <summary>The message catalog of import problems, in Japanese and English, keyed by <see cref="ImportErrorCodes"/>.</summary>
/// <remarks>
/// Each entry is a composite format: <c>{0}</c> is the offending value, <c>{1}</c> the detail (what was expected).
/// Every message says what was found and what would have been accepted, so users can fix the file without the docs.
/// </remarks>
public static class ImportMessages
{
    private static readonly Dictionary<string, (string Ja, string En)> Catalog = new(StringComparer.Ordinal)
    {
        [ImportErrorCodes.FileMissing] = ("ファイルが見つかりません「{0}」", "file not found \"{0}\""),
        [ImportErrorCodes.FileEmpty] = ("ファイルが空です", "the file is empty"),
        [ImportErrorCodes.NoHeader] = ("見出し行がありません。1行目に列名 (例: {1}) を書いてください",
            "no header row; the first line must name the columns (e.g. {1})"),
        [ImportErrorCodes.FileUnreadable] = ("ファイルを読めません: {1}", "cannot read the file: {1}"),
        [ImportErrorCodes.EncodingError] = ("{0} 行目付近が文字コード {1} として読めません。--encoding shift_jis または utf-8 を指定してください",
            "bytes near line {0} are not valid {1}; try --encoding shift_jis or --encoding utf-8"),
        [ImportErrorCodes.RequiredColumnMissing] = ("必須の列 {1} が見つかりません。見つかった列: {0}。--map で列の対応を指定できます",
            "required column {1} not found; the file has: {0}; name it with --map"),
        [ImportErrorCodes.MappingColumnMissing] = ("対応ファイルで指定された列「{0}」がありません (項目と見つかった列: {1})",
            "the mapping names column \"{0}\", which the file lacks (field and the file's columns: {1})"),
        [ImportErrorCodes.MappingUnknownField] = ("対応ファイルの項目名「{0}」はありません。使える項目: {1}",
            "the mapping names unknown field \"{0}\"; fields: {1}"),
        [ImportErrorCodes.MappingInvalid] = ("対応ファイルが読めません「{0}」。例: {1}", "the mapping file is not valid at \"{0}\"; expected e.g. {1}"),
        [ImportErrorCodes.MissingValue] = ("必須の値 {1} が空です", "required value {1} is empty"),
        [ImportErrorCodes.BadDate] = ("日付として読めません「{0}」。例: {1}", "not a date \"{0}\"; expected e.g. {1}"),
        [ImportErrorCodes.BadNumber] = ("数値として読めません「{0}」。例: {1}", "not a number \"{0}\"; expected e.g. {1}"),
        [ImportErrorCodes.BadEnum] = ("使えない値です「{0}」。使える値: {1}", "unknown value \"{0}\"; expected one of {1}"),
        [ImportErrorCodes.BadBoolean] = ("はい/いいえとして読めません「{0}」。使える値: {1}", "not a yes/no value \"{0}\"; expected one of {1}"),
        [ImportErrorCodes.OutOfRange] = ("範囲外の値です「{0}」。範囲: {1}", "out of range \"{0}\"; expected {1}"),
        [ImportErrorCodes.BadCurrency] = ("通貨コードとして読めません「{0}」。例: {1}", "not a currency code \"{0}\"; expected a 3-letter ISO 4217 code such as {1}"),
        [ImportErrorCodes.BadId] = ("IDとして使えません「{0}」。{1} 文字以内で制御文字を含まない値にしてください",
            "not a usable id \"{0}\"; expected at most {1} characters without control characters"),
        [ImportErrorCodes.BadActivityType] = ("活動の種類として使えません「{0}」。英小文字で始まる英小文字・数字・_ の名前にしてください (例: {1})",
            "not an activity type \"{0}\"; expected lower-case letters, digits and _ starting with a letter (e.g. {1})"),
        [ImportErrorCodes.UnterminatedQuote] = ("{1} 行目で始まった引用符 (\") が閉じられていません「{0}」",
            "the quote (\") opened on line {1} is never closed \"{0}\""),
        [ImportErrorCodes.StrayQuote] = ("引用符 (\") の位置が正しくありません「{0}」。値の中の \" は \"\" と書き、値全体を \" で囲んでください",
            "misplaced quote (\") after \"{0}\"; inside a value write \"\" and quote the whole value"),
        [ImportErrorCodes.ColumnCount] = ("列の数が合いません。見出しは {1} 列、この行は {0} 列です",
            "wrong number of columns: the header has {1}, this row has {0}"),
        [ImportErrorCodes.BadJson] = ("JSON オブジェクトとして読めません「{0}」 ({1})", "not a JSON object \"{0}\" ({1})"),
        [ImportErrorCodes.BadLines] = ("明細 (lines) が読めません「{0}」。例: {1}", "cannot read the order lines \"{0}\"; expected e.g. {1}"),
        [ImportErrorCodes.OrderNotConsecutive] = ("注文ID「{0}」が {1} 行目の後、別の注文をはさんで再び現れました。同じ注文の行は続けて並べてください",
            "order id \"{0}\" appears again after other orders (first on line {1}); rows of one order must be consecutive"),
        [ImportErrorCodes.OrderRowRejected] = ("同じ注文の {1} 行目にエラーがあるため、この行も取り込みません",
            "not imported because line {1} of the same order has an error"),
        [ImportErrorCodes.OrderConflict] = ("同じ注文の最初の行と値が違います「{0}」 (最初の行: {1})",
            "differs from the order's first row: \"{0}\" (first row: {1})"),
    };

    /// <summary>Every code the catalog knows.</summary>
    public static IReadOnlyCollection<string> Codes => Catalog.Keys;

    /// <summary>The full message: location, then reason, e.g. <c>orders.csv:14:3 (購入日): 日付として読めません「2025/13/01」…</c>.</summary>
    /// <param name="error">The problem.</param>
    /// <param name="language"><c>ja</c> for Japanese; anything else gives English.</param>
    public static string Format(ImportError error, string language)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{Location(error)}: {Reason(error, language)}";
    }

    /// <summary>Where the problem is: <c>file</c>, <c>file:line</c> or <c>file:line:column (header)</c>.</summary>
    public static string Location(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var builder = new StringBuilder(error.File);
        if (error.Line > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $":{error.Line}");
            if (error.Column is { } column)
            {
                builder.Append(CultureInfo.InvariantCulture, $":{column}");
            }

            if (error.ColumnName is { } name)
            {
                builder.Append(" (").Append(name).Append(')');
            }
        }

        return builder.ToString();
    }

    /// <summary>The reason alone, without the location (as written to the rejects file).</summary>
    public static string Reason(ImportError error, string language)
    {
        ArgumentNullException.ThrowIfNull(error);
        var japanese = string.Equals(language, "ja", StringComparison.OrdinalIgnoreCase);
        var text = Catalog.TryGetValue(error.Code, out var entry) ? (japanese ? entry.Ja : entry.En) : error.Code + " \"{0}\" {1}";
        return string.Format(CultureInfo.InvariantCulture, text, error.Value ?? string.Empty, error.Detail ?? string.Empty);
    }
}

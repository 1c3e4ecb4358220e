using System.Text;
using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed class SourceEncodingTests
{
    private const string Japanese = "顧客ID,氏名\nC001,山田太郎\n";

    [Fact]
    public void Detect_Utf8WithoutBom_Utf8()
    {
        Assert.Equal(65001, SourceEncoding.Detect(Encoding.UTF8.GetBytes(Japanese), atEndOfFile: true).CodePage);
    }

    [Fact]
    public void Detect_Utf8Bom_Utf8()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Japanese)];
        Assert.Equal(65001, SourceEncoding.Detect(bytes, atEndOfFile: true).CodePage);
    }

    [Fact]
    public void Detect_ShiftJis_Cp932()
    {
        var bytes = SourceEncoding.ShiftJis.GetBytes(Japanese);
        Assert.Equal(932, SourceEncoding.Detect(bytes, atEndOfFile: true).CodePage);
    }

    [Fact]
    public void Detect_Utf8CutMidCharacter_StillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Japanese);
        Assert.Equal(65001, SourceEncoding.Detect(bytes.AsSpan(0, 10), atEndOfFile: false).CodePage);
    }

    [Fact]
    public void Detect_Utf16Bom_Utf16()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Japanese)];
        Assert.Equal(1200, SourceEncoding.Detect(bytes, atEndOfFile: true).CodePage);
    }
}

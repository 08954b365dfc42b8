using System.Text;
using LineBot.Exports;

namespace LineBot.Tests.Exports;

public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+66812345678", "'+66812345678")]
    [InlineData("-ปลูกหญ้าแฝก", "'-ปลูกหญ้าแฝก")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("ปลูกหญ้าแฝก 250 ต้น", "ปลูกหญ้าแฝก 250 ต้น")]
    [InlineData("", "")]
    public void Inert_PrefixesOnlyFormulaStarts(string typed, string expected) => Assert.Equal(expected, Workbook.Inert(typed));

    [Fact]
    public void Csv_TypedFormula_IsWrittenAsText_NumbersStayNumbers()
    {
        var csv = Workbook.Csv(new Sheet("s", ["กิจกรรม", "จำนวน"], [["=1+1", -3]]));

        var text = Encoding.UTF8.GetString(csv.AsSpan(3));
        Assert.Equal("กิจกรรม,จำนวน\r\n'=1+1,-3\r\n", text);
    }
}

using LineBot.Calendar;

namespace LineBot.Tests.Calendar;

public sealed class CommandDateParserTests
{
    // Wednesday 25 Nov 2026 (2569).
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("5 ธ.ค. 2569 วันพ่อ", "2026-12-05", "วันพ่อ")]
    [InlineData("5 ธค 69 วันพ่อ", "2026-12-05", "วันพ่อ")]
    [InlineData("๕ ธ.ค. ๒๕๖๙ วันพ่อแห่งชาติ", "2026-12-05", "วันพ่อแห่งชาติ")]
    [InlineData("5 ธันวาคม 2569", "2026-12-05", "")]
    [InlineData("5 ธันวาคม 2026", "2026-12-05", "")]
    [InlineData("5 ธ.ค. พ.ศ. 2569 หยุดพิเศษ", "2026-12-05", "หยุดพิเศษ")]
    [InlineData("วันที่ 5 ธ.ค. 2569", "2026-12-05", "")]
    [InlineData("5/12/2569 ชดเชย", "2026-12-05", "ชดเชย")]
    [InlineData("5/12/69", "2026-12-05", "")]
    [InlineData("5.12.2026", "2026-12-05", "")]
    [InlineData("2 ม.ค.", "2027-01-02", "")]
    [InlineData("1 มกราคม", "2027-01-01", "")]
    [InlineData("20 พ.ย.", "2026-11-20", "")]
    [InlineData("วันนี้", "2026-11-25", "")]
    [InlineData("พรุ่งนี้ ไปประชุม", "2026-11-26", "ไปประชุม")]
    [InlineData("มะรืนนี้", "2026-11-27", "")]
    [InlineData("เมื่อวาน", "2026-11-24", "")]
    public void ParseDate_CommonForms(string text, string expected, string rest)
    {
        var result = CommandDateParser.ParseDate(text, Today);

        Assert.True(result.Success, result.Error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.From);
        Assert.Equal(result.From, result.To);
        Assert.Equal(rest, result.Rest);
    }

    [Theory]
    [InlineData("3-5 ธ.ค.", "2026-12-03", "2026-12-05")]
    [InlineData("3 - 5 ธ.ค. 2569", "2026-12-03", "2026-12-05")]
    [InlineData("๓-๕ ธ.ค.", "2026-12-03", "2026-12-05")]
    [InlineData("3/12/2569 - 5/12/2569", "2026-12-03", "2026-12-05")]
    [InlineData("28 พ.ย. - 2 ธ.ค.", "2026-11-28", "2026-12-02")]
    [InlineData("3 ถึง 5 ธ.ค.", "2026-12-03", "2026-12-05")]
    [InlineData("30 ธ.ค. - 2 ม.ค.", "2026-12-30", "2027-01-02")]
    [InlineData("วันนี้ - พรุ่งนี้", "2026-11-25", "2026-11-26")]
    [InlineData("วันนี้", "2026-11-25", "2026-11-25")]
    public void ParseRange_CommonForms(string text, string from, string to)
    {
        var result = CommandDateParser.ParseRange(text, Today);

        Assert.True(result.Success, result.Error);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), result.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), result.To);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ไม่สบาย")]
    [InlineData("31 ก.พ. 2569")]
    [InlineData("5/13/2569")]
    [InlineData("5 ธ.ค. 2569 - 3 ธ.ค. 2569")]
    public void ParseRange_Invalid_FailsWithThaiMessage(string text)
    {
        var result = CommandDateParser.ParseRange(text, Today);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void ParseDate_Range_IsAnError() =>
        Assert.False(CommandDateParser.ParseDate("3-5 ธ.ค.", Today).Success);
}

using LineBot.Photos;

namespace LineBot.Tests.Photos;

/// <summary>Statuses and kinds are enums in code and the old strings in the photos table: rows written before still read.</summary>
public sealed class PhotoNamesTests
{
    [Fact]
    public void PhotoStatus_EveryMember_HasAStoredName() =>
        Assert.Equal(8, Enum.GetValues<PhotoStatus>().Select(s => s.Name()).Distinct().Count());

    [Theory]
    [InlineData("Pending", "pending")]
    [InlineData("NotReady", "notready")]
    [InlineData("Stored", "stored")]
    [InlineData("Failed", "failed")]
    [InlineData("Gone", "gone")]
    [InlineData("Oversize", "oversize")]
    [InlineData("Unsupported", "unsupported")]
    [InlineData("Refused", "refused")]
    public void PhotoStatus_StoredName_IsTheOldStringAndReadsBack(string member, string stored)
    {
        var status = Enum.Parse<PhotoStatus>(member);
        Assert.Equal(stored, status.Name());
        Assert.Equal(status, PhotoStatuses.Parse(stored));
    }

    [Fact]
    public void PhotoStatus_MissingOrUnknown_ReadsAsPending() =>
        Assert.All(new[] { null, "", "weird" }, s => Assert.Equal(PhotoStatus.Pending, PhotoStatuses.Parse(s)));

    [Theory]
    [InlineData("Image", "image", true)]
    [InlineData("Video", "video", true)]
    [InlineData("Audio", "audio", false)]
    [InlineData("File", "file", false)]
    public void MediaKind_IsLinesMessageType_AndOnlyImagesAndVideosAreVisual(string member, string type, bool visual)
    {
        var kind = Enum.Parse<MediaKind>(member);
        Assert.Equal(type, kind.Name());
        Assert.Equal(kind, MediaKinds.Parse(type));
        Assert.Equal(visual, kind.IsVisual());
    }

    [Fact]
    public void MediaKind_OtherMessageTypes_AreNotMedia()
    {
        Assert.Null(MediaKinds.Parse("text"));
        Assert.Null(MediaKinds.Parse("location"));
        Assert.Null(MediaKinds.Parse(null));
    }
}

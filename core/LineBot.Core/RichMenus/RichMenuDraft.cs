using System.Security.Cryptography;
using System.Text.Json;
using LineBot.Line;

namespace LineBot.RichMenus;

/// <summary>
/// A menu as it should be on LINE: its design and its image (drawn by <c>linebot richmenu sync</c>). The version in
/// its name hashes both, so changing a label, a command or a pixel makes a new menu, and an unchanged one is found.
/// </summary>
internal sealed record RichMenuDraft(RichMenuDesign Design, byte[] Image)
{
    public string Version { get; } = VersionOf(Design, Image);

    public string Name => RichMenuCatalog.NameOf(Design.Role, Version);

    public RichMenuRequest Request => Design.ToRequest(Name);

    private static string VersionOf(RichMenuDesign design, byte[] image)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(design.ToRequest(""), LineJsonContext.Default.RichMenuRequest));
        hash.AppendData(image);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}

using LineBot.Reporters;

namespace LineBot.Messages;

/// <summary>
/// Whom a message is filed under: <see cref="Reporter"/> (null when nobody can be named), whether that profile was
/// made from this message, and <see cref="ClaimedName"/>, the name written when it is a roster person linked to
/// another LINE user: then the message is disputed and <see cref="Reporter"/> is its sender (a profile not saved
/// when the sender is unknown).
/// </summary>
internal sealed record Attribution(Reporter? Reporter, bool Created = false, string? ClaimedName = null)
{
    public bool IsDisputed => ClaimedName is not null;
}

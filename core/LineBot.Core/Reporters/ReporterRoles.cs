namespace LineBot.Reporters;

/// <summary>The one rule for a person's role: commands, greetings and rich menus all go by it.</summary>
internal static class ReporterRoles
{
    /// <summary>Admins by configuration (or a stored Admin role), officers by the roster with a district, else reporter.</summary>
    public static ReporterRole Of(bool configuredAdmin, Reporter? person) =>
        configuredAdmin || person?.Role == ReporterRole.Admin ? ReporterRole.Admin
        : person is { Role: ReporterRole.Officer, OfficerDistrict.Length: > 0 } ? ReporterRole.Officer
        : ReporterRole.Reporter;
}

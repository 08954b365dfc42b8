using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LineBot.Tests.Deploy;

/// <summary>infra/ compiles and lints cleanly with the Bicep CLI, and says what the deployment promises.</summary>
[Collection(DeployCollection.Name)]
public sealed partial class BicepTemplateTests(DeployArtifacts artifacts)
{
    private JsonObject Template => artifacts.Template ?? throw new InvalidOperationException("bicep build failed:\n" + artifacts.BicepBuild.Output);

    [Fact]
    public void Build_MainBicep_CompilesWithoutDiagnostics()
    {
        Assert.True(artifacts.BicepBuild.ExitCode == 0, artifacts.BicepBuild.Output);
        Assert.Equal("", artifacts.BicepBuild.Output.Trim());
        Assert.NotNull(artifacts.Template);
    }

    [Fact]
    public void Lint_MainBicepAndModules_ReportNoErrorsOrWarnings()
    {
        Assert.True(artifacts.BicepLint.ExitCode == 0, artifacts.BicepLint.Output);
        // bicep lint exits 0 on warnings: any diagnostic line at all fails the test.
        Assert.Equal("", artifacts.BicepLint.Output.Trim());
    }

    [Fact]
    public void Template_NeverHandsOutStorageKeysOrConnectionStrings()
    {
        var text = Template.ToJsonString();
        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);

        var names = ArmTemplate.AppSettingNames(Template);
        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.DoesNotContain(names, n => n.StartsWith("WEBSITE_CONTENT", StringComparison.Ordinal));
    }

    [Fact]
    public void StorageAccount_IsPrivateTls12HttpsOnlyKeylessWithSoftDelete()
    {
        var (_, account) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts"));
        var properties = account["properties"]!;
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);

        var (_, blobs) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts/blobServices"));
        Assert.True((bool)blobs["properties"]!["deleteRetentionPolicy"]!["enabled"]!);
        Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [Fact]
    public void KeyVault_UsesRbacAndHoldsTheLineCredentials()
    {
        var (_, vault) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.KeyVault/vaults"));
        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);

        var secrets = ArmTemplate.ResourcesOfType(Template, "Microsoft.KeyVault/vaults/secrets")
            .Select(x => (string)x.Resource["name"]!).ToList();
        Assert.Contains(secrets, s => s.Contains("'line-channel-secret'", StringComparison.Ordinal));
        Assert.Contains(secrets, s => s.Contains("'line-channel-access-token'", StringComparison.Ordinal));
        Assert.Contains(secrets, s => s.Contains("'line-previous-channel-secret'", StringComparison.Ordinal));

        // The secrets come in as secure parameters, and leave only as Key Vault references.
        var main = Template["parameters"]!.AsObject();
        foreach (var name in new[] { "lineChannelSecret", "lineChannelAccessToken", "linePreviousChannelSecret" })
        {
            Assert.Equal("securestring", (string?)main[name]!["type"]);
        }

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", Template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVaultReferences_NameTheSecretVersion_SoANewValueRestartsTheAppAtOnce()
    {
        // A versionless reference is re-read only within 24 hours; during a channel secret rotation that is downtime.
        var references = ArmTemplate.AllTemplates(Template)
            .Select(t => t["outputs"]?["references"]?["value"])
            .OfType<JsonObject>()
            .Single();
        Assert.Equal(["channelAccessToken", "channelSecret", "previousChannelSecret"], references.Select(r => r.Key).Order());
        Assert.All(references, r =>
        {
            var expression = (string)r.Value!;
            Assert.Contains("@Microsoft.KeyVault(SecretUri={0})", expression, StringComparison.Ordinal);
            Assert.Contains(".secretUriWithVersion)", expression, StringComparison.Ordinal);
            Assert.DoesNotContain(".secretUri)", expression, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10OnLinuxWithASystemAssignedIdentity()
    {
        var (_, site) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Web/sites"));
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        // Both hosting plans are expressions over the hostingPlan parameter: look for the literals in them.
        var config = site["properties"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("'runtime', createObject('name', 'dotnet-isolated', 'version', '10.0')", config, StringComparison.Ordinal);
        Assert.Contains("'authentication', createObject('type', 'SystemAssignedIdentity')", config, StringComparison.Ordinal);
        Assert.Contains("'DOTNET-ISOLATED|10.0'", config, StringComparison.Ordinal);

        var hostingPlan = Template["parameters"]!["hostingPlan"]!;
        Assert.Equal("FlexConsumption", (string?)hostingPlan["defaultValue"]);
    }

    [Fact]
    public void Identity_GetsOnlyTheDataPlaneRolesItNeeds()
    {
        string[] expected =
        [
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
        ];
        var guids = ArmTemplate.AllTemplates(Template)
            .SelectMany(t => Guid().Matches(t["variables"]?.ToJsonString() ?? "").Select(m => m.Value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.Order(), guids.Order());

        var assignments = ArmTemplate.ResourcesOfType(Template, "Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(2, assignments.Count); // a loop over the three storage roles, and the vault's
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a.Resource["properties"]!["principalType"]));
    }

    [Fact]
    public void ParametersFile_CoversRequiredParametersAndRepeatsTheBicepDefaults()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(DeployPaths.InfraDirectory, "main.parameters.json")))!;
        var values = file["parameters"]!.AsObject();
        var declared = Template["parameters"]!.AsObject();

        Assert.All(values, v => Assert.True(declared.ContainsKey(v.Key), $"main.parameters.json sets unknown parameter {v.Key}"));
        foreach (var (name, declaration) in declared)
        {
            Assert.True(values.ContainsKey(name), $"main.parameters.json does not pass {name} (azd would ask for it every time)");
            var text = (string)values[name]!["value"]!;
            var substitution = AzdSubstitution().Match(text);
            Assert.True(substitution.Success, $"{name}: '{text}' is not an azd ${{VAR}} substitution");
            if (declaration!["defaultValue"] is JsonValue defaultValue && substitution.Groups["default"].Success)
            {
                var expected = defaultValue.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? defaultValue.ToJsonString()
                    : (string)defaultValue!;
                Assert.True(expected == substitution.Groups["default"].Value, $"{name}: main.parameters.json default '{substitution.Groups["default"].Value}' differs from main.bicep's '{expected}'");
            }
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"^\$\{(?<name>[A-Z_][A-Z0-9_]*)(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdSubstitution();
}

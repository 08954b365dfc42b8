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
        // The deployment package container, and one loop over the containers the app and the host write (issue 12:
        // created up front so that the identity's blob write role is scoped to exactly them).
        var containers = ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", (string?)c.Resource["properties"]!["publicAccess"]));
    }

    [Fact]
    public void StorageAccount_CreatesTheBotsAndTheHostsContainers_NamedAsTheAppNamesThem()
    {
        var (module, _) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts"));
        var appContainers = module["variables"]!["appContainerNames"]!.AsArray().Select(n => (string)n!).ToList();
        var hostContainers = module["variables"]!["hostContainerNames"]!.AsArray().Select(n => (string)n!).ToList();

        // What core names its containers in Azure (no Storage:Prefix there).
        var names = new LineBot.Storage.StorageNames(Microsoft.Extensions.Options.Options.Create(new LineBot.Configuration.StorageOptions()));
        Assert.Equal([names.RawWebhookContainer, names.PhotosContainer, names.ExportsContainer], appContainers);
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets"], hostContainers);
    }

    [Fact]
    public void LifecyclePolicy_DeletesKeptEventsAndClaimChecksAfter90DaysAndExportsAfter30_NeverPhotos()
    {
        var (module, policy) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts/managementPolicies"));
        Assert.Equal("[format('{0}/{1}', parameters('name'), 'default')]", (string?)policy["name"]);
        var rules = policy["properties"]!["policy"]!["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();

        var days = new Dictionary<string, int>();
        foreach (var rule in rules)
        {
            Assert.True((bool)rule["enabled"]!);
            Assert.Equal("Lifecycle", (string?)rule["type"]);
            var definition = rule["definition"]!;
            Assert.Equal(["blockBlob"], definition["filters"]!["blobTypes"]!.AsArray().Select(t => (string)t!));
            // Only deletion of the base blob, after so many days without a write.
            var delete = definition["actions"]!["baseBlob"]!["delete"]!.AsObject();
            var parameter = ParameterReference().Match((string)delete["daysAfterModificationGreaterThan"]!).Groups[1].Value;
            var defaultDays = (int)module["parameters"]![parameter]!["defaultValue"]!;
            Assert.Equal(1, (int)module["parameters"]![parameter]!["minValue"]!);
            foreach (var prefix in definition["filters"]!["prefixMatch"]!.AsArray().Select(p => (string)p!))
            {
                days.Add(prefix, defaultDays);
            }
        }

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["webhook-raw/malformed/"] = 90,
                ["webhook-raw/unknown/"] = 90,
                ["webhook-raw/claims/"] = 90,
                ["exports/"] = 30,
            },
            days);
        Assert.DoesNotContain(days.Keys, p => p.StartsWith("photos", StringComparison.Ordinal));

        // The app's defaults for `linebot storage prune` are the same numbers.
        var retention = new LineBot.Storage.RetentionOptions();
        Assert.Equal(90, retention.KeptEventDays);
        Assert.Equal(90, retention.ClaimCheckDays);
        Assert.Equal(30, retention.ExportDays);
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
            "2ad6aaab-ead9-4eaa-8ac5-da422f562408", // Storage Blob Data Reader
            "db58b8e5-c6ad-4a2a-8342-4190687cbf4a", // Storage Blob Delegator
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
        ];
        var guids = ArmTemplate.AllTemplates(Template)
            .SelectMany(t => Guid().Matches(t["variables"]?.ToJsonString() ?? "").Select(m => m.Value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected.Order(), guids.Order());

        var assignments = ArmTemplate.ResourcesOfType(Template, "Microsoft.Authorization/roleAssignments").ToList();
        // Account-wide queue/table/delegator loop, the per-container blob write loop, package read, and the vault's.
        Assert.Equal(4, assignments.Count);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a.Resource["properties"]!["principalType"]));
    }

    [Fact]
    public void Identity_WritesBlobsOnlyInTheDataContainers_AndOnlyReadsTheDeploymentPackage()
    {
        var (module, _) = Assert.Single(ArmTemplate.ResourcesOfType(Template, "Microsoft.Web/sites"));
        var assignments = ArmTemplate.ResourcesOfType(Template, "Microsoft.Authorization/roleAssignments").Select(a => a.Resource).ToList();
        string Role(JsonObject a) => (string)a["properties"]!["roleDefinitionId"]!;
        string Scope(JsonObject a) => (string)a["scope"]!;

        // Blob Data Contributor: only on containers, only those the app and the host write.
        var writes = assignments.Where(a => Role(a).Contains("storageBlobDataContributor", StringComparison.Ordinal)).ToList();
        var write = Assert.Single(writes);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('dataContainerNames')[copyIndex()])]", Scope(write));
        Assert.Equal("[length(parameters('dataContainerNames'))]", (string?)write["copy"]!["count"]);

        // The deployment package: read only.
        var read = Assert.Single(assignments, a => Role(a).Contains("storageBlobDataReader", StringComparison.Ordinal));
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('deploymentContainerName'))]", Scope(read));

        // Account-wide roles hold no blob data role (the delegator signs user delegation keys, nothing else).
        var accountRoles = module["variables"]!["accountRoles"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Equal(
            ["[variables('roles').storageQueueDataContributor]", "[variables('roles').storageTableDataContributor]", "[variables('roles').storageBlobDelegator]"],
            accountRoles);
        Assert.DoesNotContain(assignments, a => Scope(a) == "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]"
                                                && !Role(a).Contains("accountRoles", StringComparison.Ordinal));

        // resources.bicep passes the same container names to both modules.
        var resources = DeployPaths.InfraDirectory;
        var text = File.ReadAllText(Path.Combine(resources, "resources.bicep"));
        Assert.Contains("dataContainerNames: storage.outputs.dataContainerNames", text, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(text, @"deploymentContainerName: deploymentContainerName\b").Count);
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

    [GeneratedRegex(@"^\[parameters\('([A-Za-z]+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\$\{(?<name>[A-Z_][A-Z0-9_]*)(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdSubstitution();
}

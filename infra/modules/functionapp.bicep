// The Function App (Linux, .NET 10 isolated) with a system-assigned identity, the data-plane roles that identity
// needs and nothing more, and every app setting the bot reads. No storage key or connection string anywhere.
param location string
param tags object
param name string
param planName string

@allowed([
  'FlexConsumption'
  'Dedicated'
])
param hostingPlan string
param dedicatedSku string

param storageAccountName string
param deploymentContainerUrl string
@description('The deployment package container: read-only for the app (Flex Consumption loads its package from it).')
param deploymentContainerName string
@description('The containers the app and the Functions host write: the only ones the identity may write.')
param dataContainerNames array
param keyVaultName string
@description('Key Vault reference strings (channelSecret, channelAccessToken, previousChannelSecret): no secret values.')
param keyVaultReferences object
@description('False when no rotation is under way: Line__PreviousChannelSecret is then not set.')
param hasPreviousChannelSecret bool
param appInsightsConnectionString string

param botProvince string
param botGazetteerPath string
param groupIds array
param adminUserIds array
param botMentionMissing bool
param botParticle string
param scheduleWeeklyReminder string
param scheduleWeeklyDigest string
param scheduleMonthly string

var isFlex = hostingPlan == 'FlexConsumption'

// Built-in role definition IDs (the same in every tenant).
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2ad6aaab-ead9-4eaa-8ac5-da422f562408'
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}
// Account-wide: every queue and table of the account is the bot's or the host's; the delegator role only lets
// the app sign user delegation keys for its expiring links (what a link allows is still its container's role).
var accountRoles = [
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
  roles.storageBlobDelegator
]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' existing = {
  parent: storage
  name: 'default'
}

resource dataContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = [
  for containerName in dataContainerNames: {
    parent: blobService
    name: containerName
  }
]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = {
  parent: blobService
  name: deploymentContainerName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'linux'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: dedicatedSku
      }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'functions' // azure.yaml's service
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'SystemAssignedIdentity'
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: 40
            instanceMemoryMB: 2048
          }
          runtime: {
            name: 'dotnet-isolated'
            version: '10.0'
          }
        }
      : null
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Dedicated plans name the runtime here and must stay on for timers and queues; Flex has neither setting.
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
      alwaysOn: isFlex ? null : true
    }
  }
}

// azd deploys with Microsoft Entra ID; publishing passwords are switched off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Queues, tables and user delegation keys, account-wide (see accountRoles).
resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in accountRoles: {
    name: guid(storage.id, site.id, roleId)
    scope: storage
    properties: {
      principalId: site.identity.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

// Blob writes only in the containers the bot and the host use: never in the deployment package container.
resource blobWriteAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in dataContainerNames: {
    name: guid(dataContainers[i].id, site.id, roles.storageBlobDataContributor)
    scope: dataContainers[i]
    properties: {
      principalId: site.identity.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    }
  }
]

// Flex Consumption reads its package with the app's identity: read is all it needs.
resource packageReadAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deploymentContainer.id, site.id, roles.storageBlobDataReader)
  scope: deploymentContainer
  properties: {
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
  }
}

// Read secrets of this one vault (Key Vault references).
resource vaultRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// ---- App settings. Each group below is one variable; tests/LineBot.Tests/Deploy reads them from the compiled
// template and checks them against what the app reads, so keep every setting in one of these variables.

// Set by the platform's contract, not read by our code. Flex Consumption rejects FUNCTIONS_EXTENSION_VERSION and
// FUNCTIONS_WORKER_RUNTIME (functionAppConfig.runtime says it); Dedicated needs both.
var platformSettings = union(
  {
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  },
  isFlex
    ? {}
    : {
        FUNCTIONS_EXTENSION_VERSION: '~4'
        FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
      }
)

// Identity-based connection, read by the host (triggers) and by core's StorageClients alike.
var storageSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
}

var lineSettings = {
  Line__ChannelSecret: keyVaultReferences.channelSecret
  Line__ChannelAccessToken: keyVaultReferences.channelAccessToken
}

// Only during a channel secret rotation (docs/deploy.md): an unresolvable reference would otherwise be taken literally.
var lineRotationSettings = hasPreviousChannelSecret
  ? {
      Line__PreviousChannelSecret: keyVaultReferences.previousChannelSecret
    }
  : {}

var botSettings = {
  Bot__Province: botProvince
  Bot__GazetteerPath: botGazetteerPath
  Bot__TimeZone: 'Asia/Bangkok'
  Bot__MentionMissing: string(botMentionMissing)
  Bot__Particle: botParticle
}

// Lists bind from indexed keys: Bot__GroupIds__0, Bot__GroupIds__1, …
var botGroupIdSettings = toObject(range(0, length(groupIds)), i => 'Bot__GroupIds__${i}', i => string(groupIds[i]))
var botAdminSettings = toObject(
  range(0, length(adminUserIds)),
  i => 'Bot__AdminUserIds__${i}',
  i => string(adminUserIds[i])
)

// NCRONTAB in UTC: WEBSITE_TIME_ZONE is not supported on Linux (Flex Consumption included).
var scheduleSettings = {
  Schedules__WeeklyReminder: scheduleWeeklyReminder
  Schedules__WeeklyDigest: scheduleWeeklyDigest
  Schedules__Monthly: scheduleMonthly
}

// Applied after the role assignments, so the first Key Vault reference resolution already has access.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    platformSettings,
    storageSettings,
    lineSettings,
    lineRotationSettings,
    botSettings,
    botGroupIdSettings,
    botAdminSettings,
    scheduleSettings
  )
  dependsOn: [
    storageRoleAssignments
    blobWriteAssignments
    packageReadAssignment
    vaultRoleAssignment
  ]
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName

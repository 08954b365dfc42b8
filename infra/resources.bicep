// The resource group's contents: monitoring, storage, Key Vault, then the Function App wired to all three.
targetScope = 'resourceGroup'

param environmentName string
param location string
param tags object
param hostingPlan string
param dedicatedSku string

@secure()
param lineChannelSecret string
@secure()
param lineChannelAccessToken string
@secure()
param linePreviousChannelSecret string

param botProvince string
param botGazetteerPath string
param groupIds array
param adminUserIds array
param botMentionMissing bool
param botParticle string
param scheduleWeeklyReminder string
param scheduleWeeklyDigest string
param scheduleMonthly string

// Globally unique names need a suffix; this one is stable per subscription + environment.
var token = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-linebot-${token}'
var storageAccountName = 'st${token}'
var keyVaultName = 'kv-${token}'
var deploymentContainerName = 'app-package-${take(functionAppName, 40)}'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-linebot-${token}'
    appInsightsName: 'appi-linebot-${token}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: storageAccountName
    // Flex Consumption reads the deployment package from this container, with the app's identity.
    deploymentContainerName: deploymentContainerName
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    name: keyVaultName
    lineChannelSecret: lineChannelSecret
    lineChannelAccessToken: lineChannelAccessToken
    linePreviousChannelSecret: linePreviousChannelSecret
    hasPreviousChannelSecret: !empty(linePreviousChannelSecret)
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: 'plan-linebot-${token}'
    hostingPlan: hostingPlan
    dedicatedSku: dedicatedSku
    // Names known before deployment (What-If can follow them); the outputs used below order the modules.
    storageAccountName: storageAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    deploymentContainerName: deploymentContainerName
    dataContainerNames: storage.outputs.dataContainerNames
    keyVaultName: keyVaultName
    keyVaultReferences: vault.outputs.references
    hasPreviousChannelSecret: !empty(linePreviousChannelSecret)
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    botProvince: botProvince
    botGazetteerPath: botGazetteerPath
    groupIds: groupIds
    adminUserIds: adminUserIds
    botMentionMissing: botMentionMissing
    botParticle: botParticle
    scheduleWeeklyReminder: scheduleWeeklyReminder
    scheduleWeeklyDigest: scheduleWeeklyDigest
    scheduleMonthly: scheduleMonthly
  }
}

output functionAppName string = functionApp.outputs.name
output webhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/line/webhook'
output keyVaultName string = vault.outputs.name
output storageAccountName string = storage.outputs.name

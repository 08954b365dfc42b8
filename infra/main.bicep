// LineBot on Azure: `azd up` provisions this, then deploys functions/LineBot.Functions to the Function App.
// Everything lives in one resource group, rg-<environment name>.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (one that offers Flex Consumption, e.g. southeastasia, eastasia, japaneast).')
param location string

@description('Hosting: FlexConsumption (serverless, default) or Dedicated (an App Service plan, see dedicatedSku).')
@allowed([
  'FlexConsumption'
  'Dedicated'
])
param hostingPlan string = 'FlexConsumption'

@description('App Service plan SKU when hostingPlan is Dedicated (B1 is the smallest that runs a Function App always on).')
param dedicatedSku string = 'B1'

@secure()
@description('LINE channel secret (LINE Developers console → Basic settings). Stored in Key Vault only.')
param lineChannelSecret string

@secure()
@description('LINE channel access token (long-lived, Messaging API tab). Stored in Key Vault only.')
param lineChannelAccessToken string

@secure()
@description('The channel secret before a rotation, accepted too until cleared. Empty: no such setting.')
param linePreviousChannelSecret string = ''

@description('Province the bot serves, in Thai.')
param botProvince string = 'ฉะเชิงเทรา'

@description('Gazetteer file (JSON or CSV) of the province\'s districts and sub-districts, as deployed with the app. Empty: the built-in ฉะเชิงเทรา.')
param botGazetteerPath string = ''

@description('Comma-separated LINE group IDs the bot serves (an azd env value is a string). Empty: any group (set it before going live).')
param botGroupIds string = ''

@description('Comma-separated LINE user IDs of provincial admins.')
param botAdminUserIds string = ''

@description('Whether the weekly reminder @-mentions those still missing.')
param botMentionMissing bool = true

@description('The one polite particle of every message the bot sends.')
@allowed(['ครับ', 'ค่ะ'])
param botParticle string = 'ครับ'

// Schedules are NCRONTAB (second minute hour day month day-of-week) and evaluated in UTC: Linux Function apps
// (Flex Consumption included) do not support WEBSITE_TIME_ZONE. Bangkok is UTC+7 all year (no daylight saving).
@description('Weekly reminder, UTC. Default Friday 08:00 UTC = Friday 15:00 Bangkok.')
param scheduleWeeklyReminder string = '0 0 8 * * 5'

@description('Weekly digest, UTC. Default Monday 01:00 UTC = Monday 08:00 Bangkok.')
param scheduleWeeklyDigest string = '0 0 1 * * 1'

@description('Monthly job trigger, UTC. Default weekdays 01:30 UTC = 08:30 Bangkok; the job acts only on the first working day of the month, once.')
param scheduleMonthly string = '0 30 1 * * 1-5'

var tags = {
  'azd-env-name': environmentName
}

// Split on commas and drop blanks, so "C1, C2," and "" both do the right thing.
var groupIds = filter(map(split(botGroupIds, ','), id => trim(id)), id => !empty(id))
var adminUserIds = filter(map(split(botAdminUserIds, ','), id => trim(id)), id => !empty(id))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'linebot-resources'
  scope: rg
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    hostingPlan: hostingPlan
    dedicatedSku: dedicatedSku
    lineChannelSecret: lineChannelSecret
    lineChannelAccessToken: lineChannelAccessToken
    linePreviousChannelSecret: linePreviousChannelSecret
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

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output LINE_WEBHOOK_URL string = resources.outputs.webhookUrl
output AZURE_KEY_VAULT_NAME string = resources.outputs.keyVaultName
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName

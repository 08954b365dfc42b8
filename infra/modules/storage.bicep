// The one storage account: the app's tables, blobs and queues, the Functions host's own state, and (Flex) the
// deployment package. Keys are switched off: everything reaches it with the app's managed identity.
param location string
param tags object
param name string
param deploymentContainerName string

// Retention of data the bot needs only for a while (the app's Retention:* settings, which `linebot storage prune`
// applies where there is no policy). Photos and reports are records: no rule below touches them.
@description('Days a kept-aside webhook event (webhook-raw/malformed/, webhook-raw/unknown/) is kept.')
@minValue(1)
param keptEventDays int = 90
@description('Days a claim-check blob (webhook-raw/claims/) is kept.')
@minValue(1)
param claimCheckDays int = 90
@description('Days an export workbook (exports/) is kept.')
@minValue(1)
param exportDays int = 30

// The bot's containers (core Storage/StorageNames; no prefix in Azure) and the Functions host's own (leases, timer
// schedules, keys). Created here so that the app's identity can be given write access to exactly these.
var appContainerNames = [
  'webhook-raw'
  'photos'
  'exports'
]
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]
var dataContainerNames = concat(appContainerNames, hostContainerNames)

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Evidence photos and exports survive an accidental delete for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource dataContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in dataContainerNames: {
    parent: blobs
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Personal data is not kept forever: kept-aside events, claim checks and exports are deleted when they are old.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'kept-webhook-events'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'webhook-raw/malformed/'
                'webhook-raw/unknown/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: keptEventDays
                }
              }
            }
          }
        }
        {
          name: 'claim-checks'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'webhook-raw/claims/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: claimCheckDays
                }
              }
            }
          }
        }
        {
          name: 'exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'exports/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: exportDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

output name string = account.name
// Every name only after its container exists: the app's role assignments are scoped to them.
output dataContainerNames array = [for (containerName, i) in dataContainerNames: dataContainers[i].name]
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'

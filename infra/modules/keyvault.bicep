// Key Vault in RBAC mode holding the LINE credentials; the app reads them through Key Vault references.
param location string
param tags object
param name string

@secure()
param lineChannelSecret string
@secure()
param lineChannelAccessToken string
@secure()
param linePreviousChannelSecret string
@description('Whether linePreviousChannelSecret is set (a rotation is under way); passed apart so no output depends on a secure value.')
param hasPreviousChannelSecret bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource channelSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'line-channel-secret'
  properties: {
    value: lineChannelSecret
  }
}

resource channelAccessToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'line-channel-access-token'
  properties: {
    value: lineChannelAccessToken
  }
}

// Only while a rotation is under way: an empty parameter writes nothing, and the app setting is left out.
resource previousChannelSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasPreviousChannelSecret) {
  parent: vault
  name: 'line-previous-channel-secret'
  properties: {
    value: linePreviousChannelSecret
  }
}

output name string = vault.name

// App-setting values, not secrets. Each names the secret's current version: a provision with a new value writes a new
// version, so the app setting changes, the app restarts and reads it at once (a versionless reference would be
// re-read only within 24 hours, too late for a channel secret rotation). An unchanged value writes no new
// version, so a provision that changes nothing else leaves the app settings and the running app alone.
// The previous-secret reference is empty unless that secret is written (functionapp.bicep then leaves it out).
output references object = {
  channelSecret: '@Microsoft.KeyVault(SecretUri=${channelSecret.properties.secretUriWithVersion})'
  channelAccessToken: '@Microsoft.KeyVault(SecretUri=${channelAccessToken.properties.secretUriWithVersion})'
  previousChannelSecret: hasPreviousChannelSecret
    ? '@Microsoft.KeyVault(SecretUri=${previousChannelSecret!.properties.secretUriWithVersion})'
    : ''
}

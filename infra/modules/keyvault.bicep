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
resource previousChannelSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(linePreviousChannelSecret)) {
  parent: vault
  name: 'line-previous-channel-secret'
  properties: {
    value: linePreviousChannelSecret
  }
}

output name string = vault.name

// App-setting values, not secrets: '@Microsoft.KeyVault(SecretUri=…)' without a version follows the latest one.
// The previous-secret reference is only used (by functionapp.bicep) while that secret is written.
output references object = {
  channelSecret: '@Microsoft.KeyVault(SecretUri=${channelSecret.properties.secretUri})'
  channelAccessToken: '@Microsoft.KeyVault(SecretUri=${channelAccessToken.properties.secretUri})'
  previousChannelSecret: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/line-previous-channel-secret)'
}

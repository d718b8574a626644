// What call-sandbox.js and bench-sequential.js share: the provider's official Node SDK client for the training
// sandbox, and the API's parameters.
'use strict';

const fs = require('fs');
const OpenApi = require('@alicloud/openapi-client');

// A client for the sandbox at endpoint (127.0.0.1:PORT) with this AccessKey, trusting the sandbox's private CA (file
// ca) for this client only; TLS verification stays on.
function makeClient({ endpoint, ca, accessKeyId, secret }) {
    return new OpenApi.default(
        new OpenApi.Config({
            accessKeyId,
            accessKeySecret: secret,
            endpoint,
            protocol: 'https',
            ca: fs.readFileSync(ca, 'utf8'),
        })
    );
}

// Id2MetaPeriodVerifyIntl as the SDK's generic callApi takes it.
function verifyParams() {
    return new OpenApi.Params({
        action: 'Id2MetaPeriodVerifyIntl',
        version: '2022-08-09',
        protocol: 'HTTPS',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
    });
}

module.exports = { makeClient, verifyParams };

#!/usr/bin/env node
// Calls Id2MetaPeriodVerifyIntl on the training sandbox through the provider's official Node SDK
// (@alicloud/openapi-client: its own V3 signing, ACS3-HMAC-SHA256, and its own HTTP stack, which sends the form body
// with Transfer-Encoding: chunked). Used by TestNodeSdkInterop.
//
//   node call-sandbox.js --endpoint 127.0.0.1:PORT --ca CA.pem --name NAME --doc-no NO --start YYYYMMDD --end END
//                        [--merchant-biz-id ID] [--access-key-id ID] [--secret SECRET]
//
// Prints one JSON line on stdout and exits 0 when the call returned:   {"statusCode":200,"body":{...}}
// or exits 1 when the SDK threw:                                       {"error":{"code":"...","statusCode":403}}
'use strict';

const { parseArgs } = require('util');
const OpenApi = require('@alicloud/openapi-client');
const Util = require('@alicloud/tea-util');
const { makeClient, verifyParams } = require('./sandbox-client');

const { values: args } = parseArgs({
    options: {
        endpoint: { type: 'string' },
        ca: { type: 'string' },
        name: { type: 'string' },
        'doc-no': { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        'merchant-biz-id': { type: 'string', default: 'e0c34a77f5ac40a5aa5e6ed20c35abcd' },
        'access-key-id': { type: 'string', default: 'TRAINING-KEY-ID' },
        secret: { type: 'string', default: 'training-secret-public-not-a-real-key' },
    },
});

async function main() {
    const client = makeClient({
        endpoint: args.endpoint,
        ca: args.ca,
        accessKeyId: args['access-key-id'],
        secret: args.secret,
    });
    const params = verifyParams();
    const request = new OpenApi.OpenApiRequest({
        body: {
            ProductCode: 'eKYC_Date_MIN',
            MerchantBizId: args['merchant-biz-id'],
            DocType: '00000001',
            DocName: args.name,
            DocNo: args['doc-no'],
            ValidityStartDate: args.start,
            ValidityEndDate: args.end,
        },
    });
    const runtime = new Util.RuntimeOptions({ autoretry: false, readTimeout: 20000, connectTimeout: 10000 });
    try {
        const response = await client.callApi(params, request, runtime);
        process.stdout.write(JSON.stringify({ statusCode: response.statusCode, body: response.body }) + '\n');
        return 0;
    } catch (error) {
        const statusCode = error.statusCode || (error.data && error.data.statusCode) || 0;
        process.stdout.write(JSON.stringify({ error: { code: String(error.code), statusCode } }) + '\n');
        process.stderr.write(String(error.message) + '\n');
        return 1;
    }
}

main().then((code) => process.exit(code));

package io.atrest.scanner.aws;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The least-privilege IAM policy for atrest's scanning role, generated from the same allowlist
 * the read-only guard enforces. sts:AssumeRole belongs to the caller, not the member role, so
 * it is left out here.
 */
public final class IamPolicy {
    private IamPolicy() {}

    public static List<String> scanningActions() {
        return ReadOnlyAllowlist.operations().stream()
                .map(ReadOperation::iamAction)
                .filter(action -> !action.equals("sts:AssumeRole"))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /**
     * A CloudFormation template (for a StackSet over the organization) that creates the
     * scanning role in each member account: trust to the scanner's account, an ExternalId
     * condition, and exactly the read-only actions of the allowlist.
     */
    public static String cloudFormation() {
        String actions = scanningActions().stream().map(a -> "                  - " + a).collect(Collectors.joining("\n"));
        return """
                AWSTemplateFormatVersion: "2010-09-09"
                Description: atrest read-only scanning role (deploy as a StackSet to every member account)
                Parameters:
                  ScannerAccountId:
                    Type: String
                    AllowedPattern: "[0-9]{12}"
                    Description: The account atrest runs in
                  ExternalId:
                    Type: String
                    MinLength: 16
                    NoEcho: true
                    Description: Shared secret passed with --external-id
                  RoleName:
                    Type: String
                    Default: AtrestScanner
                Resources:
                  AtrestScannerRole:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: !Ref RoleName
                      MaxSessionDuration: 3600
                      AssumeRolePolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Principal:
                              AWS: !Sub "arn:${AWS::Partition}:iam::${ScannerAccountId}:root"
                            Action: sts:AssumeRole
                            Condition:
                              StringEquals:
                                sts:ExternalId: !Ref ExternalId
                      Policies:
                        - PolicyName: atrest-read-only
                          PolicyDocument:
                            Version: "2012-10-17"
                            Statement:
                              - Sid: AtrestReadOnly
                                Effect: Allow
                                Resource: "*"
                                Action:
                %s
                Outputs:
                  RoleArn:
                    Value: !GetAtt AtrestScannerRole.Arn
                """.formatted(actions);
    }

    public static String json() {
        String actions = scanningActions().stream().map(a -> "        \"" + a + "\"").collect(Collectors.joining(",\n"));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AtrestReadOnly",
                      "Effect": "Allow",
                      "Action": [
                %s
                      ],
                      "Resource": "*"
                    }
                  ]
                }
                """.formatted(actions);
    }

    /**
     * The one extra permission {@code atrest publish securityhub} needs, in each account it
     * publishes to: kept apart, on a role of its own or added knowingly, so that the scanning
     * role stays read-only.
     */
    public static String publishJson() {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AtrestPublishFindings",
                      "Effect": "Allow",
                      "Action": "%s",
                      "Resource": "arn:*:securityhub:*:*:product/*/default"
                    }
                  ]
                }
                """.formatted(PublishGuard.IAM_ACTION);
    }
}

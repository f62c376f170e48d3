// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A contract wallet acting as a trade party. It can reject ETH, or re-enter a target when ETH arrives,
/// and it forwards arbitrary calls (markPaid, withdraw, ...) on behalf of its owner.
contract PartyContract {
    address public immutable owner;
    bool public rejectEth;
    address public reentryTarget;
    bytes public reentryCallData;
    bool public reentryAttempted;
    bool public reentrySucceeded;

    error NotOwner();
    error EthRejected();

    constructor(bool rejectEth_) {
        owner = msg.sender;
        rejectEth = rejectEth_;
    }

    function setRejectEth(bool reject) external {
        if (msg.sender != owner) revert NotOwner();
        rejectEth = reject;
    }

    function armReentry(address target, bytes calldata callData) external {
        if (msg.sender != owner) revert NotOwner();
        reentryTarget = target;
        reentryCallData = callData;
        reentryAttempted = false;
        reentrySucceeded = false;
    }

    function execute(address target, uint256 value, bytes calldata data) external payable returns (bytes memory) {
        if (msg.sender != owner) revert NotOwner();
        (bool ok, bytes memory result) = target.call{value: value}(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        return result;
    }

    receive() external payable {
        if (rejectEth) revert EthRejected();
        if (reentryTarget != address(0) && !reentryAttempted) {
            reentryAttempted = true;
            (bool ok,) = reentryTarget.call(reentryCallData);
            reentrySucceeded = ok;
        }
    }
}

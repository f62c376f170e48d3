// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice On every transfer it calls back into a target (the escrow) with prepared calldata and records whether
/// the re-entry succeeded. The callback's failure is swallowed so the outer transfer still completes.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public callData;
    bool public attempted;
    bool public reentrySucceeded;
    bytes public reentryRevertData;

    constructor() ERC20("Reentrant", "REENT") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target_, bytes calldata callData_) external {
        target = target_;
        callData = callData_;
        attempted = false;
        reentrySucceeded = false;
        delete reentryRevertData;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (target != address(0) && !attempted && from != address(0)) {
            attempted = true;
            (bool ok, bytes memory data) = target.call(callData);
            reentrySucceeded = ok;
            if (!ok) reentryRevertData = data;
        }
    }
}
